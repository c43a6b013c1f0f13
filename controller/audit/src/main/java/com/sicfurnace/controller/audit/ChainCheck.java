package com.sicfurnace.controller.audit;

import java.util.Optional;

/**
 * Follows a chain record by record: each must hash to its {@code hash}, follow the one before by {@code seq} without a
 * gap, and carry its hash as {@code prev}. Says what is wrong with the first record that does not.
 */
final class ChainCheck {
    private AuditHead last;
    private boolean started;

    /** @param from the head the next record must follow; null when it is unknown (checking a trail's tail only) */
    ChainCheck(AuditHead from) {
        this.last = from;
        this.started = from != null;
    }

    /** The head so far: the last record accepted. */
    AuditHead head() {
        return last;
    }

    /** What is wrong with the next record, if anything; the head moves on only when nothing is. */
    Optional<String> next(AuditRecord record) {
        if (!record.computedHash().equals(record.hash())) {
            return Optional.of("hash mismatch: record altered");
        }
        if (started) {
            Optional<String> problem = follows(record);
            if (problem.isPresent()) {
                return problem;
            }
        }
        started = true;
        last = record.head();
        return Optional.empty();
    }

    private Optional<String> follows(AuditRecord record) {
        long seq = record.seq();
        long before = last.seq();
        if (before == 0 && seq > 1) {
            return Optional.of("the trail starts at seq " + seq + ": " + range(1, seq - 1) + " removed");
        }
        if (seq > before + 1) {
            return Optional.of("seq " + seq + " follows " + before + ": " + range(before + 1, seq - 1) + " removed");
        }
        if (seq == before) {
            return Optional.of("seq " + seq + " follows " + before + ": record inserted or duplicated");
        }
        if (seq < before) {
            return Optional.of("seq " + seq + " follows " + before + ": records out of order, or inserted");
        }
        if (!record.prev().equals(last.hash())) {
            return Optional.of(before == 0 ? "prev is not the genesis value: records removed before it"
                    : "prev does not match the hash of seq " + before + ": record inserted or removed, or seq "
                    + before + " altered and re-hashed");
        }
        return Optional.empty();
    }

    private static String range(long from, long to) {
        return from == to ? "record " + from : "records " + from + ".." + to;
    }
}
