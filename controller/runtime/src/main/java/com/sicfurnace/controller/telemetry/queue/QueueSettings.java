package com.sicfurnace.controller.telemetry.queue;

import java.util.Objects;

/**
 * Size limits of a {@link DiskQueue}: a segment file is closed once the next record would take it past
 * {@code segmentBytes} (a single record larger than that gets a segment of its own); {@code budgetBytes} bounds the
 * bytes of all segment files together, and {@code policy} says what happens when a batch does not fit.
 */
public record QueueSettings(long segmentBytes, long budgetBytes, FullPolicy policy) {
    /** Smallest segment accepted: a few dozen typical line-protocol records. */
    public static final long MIN_SEGMENT_BYTES = 4096;
    /** Largest segment accepted: recovery reads a whole segment at start-up. */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;

    public QueueSettings {
        Objects.requireNonNull(policy, "telemetry queue: policy (DROP_OLDEST or REJECT_NEW) is required");
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("telemetry queue: segmentBytes must be " + MIN_SEGMENT_BYTES + ".."
                    + MAX_SEGMENT_BYTES + ", not " + segmentBytes);
        }
        // Dropping the oldest segment must always be able to make room for a segment's worth of new records.
        if (budgetBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("telemetry queue: budgetBytes (" + budgetBytes
                    + ") must be at least twice segmentBytes (" + segmentBytes + ")");
        }
    }
}
