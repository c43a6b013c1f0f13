package com.sicfurnace.hmi.audit;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditHead;
import com.sicfurnace.controller.audit.AuditLog;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.hmi.user.Actor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The HMI's audit trail: logins, failed logins, logouts and user administration, in the controller's hash-chained
 * format (module audit-trail), so that {@code controller audit verify} and {@link
 * com.sicfurnace.controller.audit.AuditVerifier} check it. Records are written off the request thread by the trail's
 * writer and fsynced there; a request never waits for the disk. No record carries a password or a hash: callers
 * give before/after values of roles, states and names only.
 */
public final class HmiAudit implements AutoCloseable {
    /** The {@code user} of records the HMI makes by itself (the first administrator at first start). */
    public static final String SYSTEM_USER = "hmi";

    private final AuditLog log;
    private final Clock clock;

    private HmiAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Opens the trail in {@code dir} (created owner-only if missing).
     *
     * @throws IllegalStateException if another process writes it, or its last file does not verify
     */
    public static HmiAudit open(Path dir, Clock clock) throws IOException {
        return new HmiAudit(AuditLog.start(AuditTrail.open(dir, clock)), clock);
    }

    /** A record of {@code actor}'s action, timed by the HMI's clock. */
    public void record(Actor actor, HmiAction action, String reason, Map<String, Object> before,
                       Map<String, Object> after, Outcome outcome, String detail) {
        record(actor.name(), actor.role().text(), action, reason, before, after, outcome, detail);
    }

    /** A record whose user is not (or not yet) authenticated: a failed login names the user it was for. */
    public void record(String user, String role, HmiAction action, String reason, Map<String, Object> before,
                       Map<String, Object> after, Outcome outcome, String detail) {
        log.submit(new AuditEntry(clock.instant(), user, role, action.text(), reason == null ? "" : reason, before,
                after, outcome, detail, null, null));
    }

    /** Waits until every record submitted so far is on disk; false if that took longer than {@code timeout}. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return log.flush(timeout);
    }

    public AuditHead head() {
        return log.head();
    }

    @Override
    public void close() {
        log.close();
    }
}
