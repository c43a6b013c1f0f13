package com.sicfurnace.controller.audit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A page of a trail's records as asked for by an {@link AuditQuery}: the records' lines as written, each marked
 * whether it lies in the verified part of the chain; how many records the query matches in all; the seq to continue
 * from (the next {@code before}, or {@code after} when following oldest first), empty on the last page; the chain's
 * state; and the users and actions the trail holds (for a viewer's choices).
 */
public record AuditPage(List<Row> rows, long matched, OptionalLong next, Chain chain, List<String> users,
                        List<String> actions) {
    public AuditPage {
        rows = List.copyOf(rows);
        users = List.copyOf(users);
        actions = List.copyOf(actions);
    }

    /** One record: its line (without the newline) and whether the chain is verified up to it. */
    public record Row(long seq, String line, boolean verified) {
    }

    /**
     * The chain as verified so far: the records read, those verified (every one up to the first problem), the head
     * of the verified part, and the first record that breaks it, if one does.
     */
    public record Chain(long records, long verified, AuditHead head, Optional<AuditVerifier.Problem> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }
}
