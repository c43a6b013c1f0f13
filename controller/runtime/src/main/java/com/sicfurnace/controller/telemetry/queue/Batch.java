package com.sicfurnace.controller.telemetry.queue;

import java.util.List;

/** Consecutive records handed out by {@link DiskQueue#peek}, oldest first; acknowledge it once delivered. */
public record Batch(List<QueuedRecord> records) {
    public Batch {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one record");
        }
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).sequence() <= records.get(i - 1).sequence()) {
                throw new IllegalArgumentException("batch records must be in increasing sequence order, but "
                        + records.get(i).sequence() + " follows " + records.get(i - 1).sequence());
            }
        }
    }

    public long firstSequence() {
        return records.get(0).sequence();
    }

    public long lastSequence() {
        return records.get(records.size() - 1).sequence();
    }

    public int size() {
        return records.size();
    }

    /** The lines, in order, as the database expects them. */
    public List<String> payloads() {
        return records.stream().map(QueuedRecord::payload).toList();
    }
}
