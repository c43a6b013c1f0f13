package com.sicfurnace.controller.telemetry.queue;

/**
 * What one {@link DiskQueue#append} did: the records appended (durable on return) with their sequence numbers, the
 * records refused by {@link FullPolicy#REJECT_NEW} and the undelivered records that {@link FullPolicy#DROP_OLDEST}
 * deleted to make room. Sequence numbers start at 1; both are 0 when nothing was appended.
 */
public record AppendResult(int appendedRecords, long firstSequence, long lastSequence, int rejectedRecords,
                           long droppedRecords, int droppedSegments) {

    public AppendResult {
        if (appendedRecords < 0 || rejectedRecords < 0 || droppedRecords < 0 || droppedSegments < 0) {
            throw new IllegalArgumentException("append result counts cannot be negative");
        }
        boolean consistent = appendedRecords == 0 ? firstSequence == 0 && lastSequence == 0
                : firstSequence >= 1 && lastSequence - firstSequence + 1 == appendedRecords;
        if (!consistent) {
            throw new IllegalArgumentException("append result: " + appendedRecords + " records cannot span sequences "
                    + firstSequence + ".." + lastSequence);
        }
    }

    static AppendResult appended(long firstSequence, long lastSequence, long droppedRecords, int droppedSegments) {
        return new AppendResult(Math.toIntExact(lastSequence - firstSequence + 1), firstSequence, lastSequence, 0,
                droppedRecords, droppedSegments);
    }

    static AppendResult rejected(int records) {
        return new AppendResult(0, 0, 0, records, 0, 0);
    }

    static AppendResult empty() {
        return new AppendResult(0, 0, 0, 0, 0, 0);
    }

    /** True when the full policy refused this batch: the caller still holds these records and should alarm. */
    public boolean rejected() {
        return rejectedRecords > 0;
    }

    /** True when undelivered records were deleted to make room: they are lost, the caller should alarm. */
    public boolean dropped() {
        return droppedRecords > 0;
    }
}
