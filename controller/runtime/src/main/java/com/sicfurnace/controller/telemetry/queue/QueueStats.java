package com.sicfurnace.controller.telemetry.queue;

/**
 * A snapshot of a {@link DiskQueue}: undelivered {@code records}; {@code bytesOnDisk} of all segment files (what the
 * budget bounds); {@code oldestRecordAgeMs}, how long the oldest undelivered record has waited (0 when none);
 * {@code segments}, the number of segment files; {@code droppedRecords}, {@code rejectedRecords} and
 * {@code rejectedBatches}, counted by the full policy since the queue was opened; {@code full}, true from the
 * moment an append found no room until an append fits again or an acknowledgement frees a segment.
 */
public record QueueStats(long records, long bytesOnDisk, long oldestRecordAgeMs, int segments, long droppedRecords,
                         long rejectedRecords, long rejectedBatches, boolean full) {
}
