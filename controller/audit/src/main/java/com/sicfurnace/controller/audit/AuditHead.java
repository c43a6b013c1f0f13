package com.sicfurnace.controller.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The newest record of a trail: its sequence number and hash. A copy kept elsewhere (a run report, telemetry) lets a
 * trail rewritten wholesale be caught: its records would no longer contain this hash.
 */
public record AuditHead(@JsonProperty("head_seq") long seq, @JsonProperty("head_hash") String hash) {
    /** The {@code prev} of the first record: 64 zeros (no record before it). */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** The head of a trail without records. */
    public static final AuditHead EMPTY = new AuditHead(0, GENESIS_HASH);

    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, not " + seq);
        }
    }
}
