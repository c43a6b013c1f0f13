package com.sicfurnace.controller.telemetry.queue;

import java.util.Objects;

/** One record read back from the queue: its sequence number, when it was appended, and the line it carries. */
public record QueuedRecord(long sequence, long appendTimeMs, String payload) {
    public QueuedRecord {
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("record sequence numbers start at 1, not " + sequence);
        }
    }
}
