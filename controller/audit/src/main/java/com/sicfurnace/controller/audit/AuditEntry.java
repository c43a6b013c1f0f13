package com.sicfurnace.controller.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One action to be audited, before the trail numbers and chains it: when (the furnace's or the caller's clock, never
 * taken here), who with which role, what, why, the values before and after (null where there are none; after is null
 * for a refusal, which changed nothing), the outcome and its detail, and the furnace and run it concerns (null for
 * actions outside a run, such as a login).
 */
public record AuditEntry(Instant time, String user, String role, String action, String reason,
                         Map<String, Object> before, Map<String, Object> after, Outcome outcome, String detail,
                         String furnace, String runId) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("an audited action needs a user");
        }
        if (action == null || action.isEmpty()) {
            throw new IllegalArgumentException("an audited action needs a name");
        }
        before = AuditValues.copyOf(before);
        after = AuditValues.copyOf(after);
    }
}
