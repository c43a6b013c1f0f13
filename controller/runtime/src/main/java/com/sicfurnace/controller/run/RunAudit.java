package com.sicfurnace.controller.run;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditHead;
import com.sicfurnace.controller.audit.AuditLog;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.tuning.TuningEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of a run: follows the core's event stream with its own reader and records every command the core
 * applied or refused and every relay test that ended by itself ({@link CommandRecords}), and whatever the controller
 * records of itself ({@link ControllerRecords}). Reads events on the scan thread (nothing is allocated while none is
 * new) and leaves the disk to the audit writer's thread.
 */
public final class RunAudit implements ScanFeed.ScanListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunAudit.class);

    private final AuditTrail trail;
    private final AuditLog log;
    private final EventStream.Reader events;
    private final CommandRecords commands;
    private long missedReported;

    private RunAudit(AuditTrail trail, EventStream.Reader events, CommandRecords commands) {
        this.trail = trail;
        this.log = AuditLog.start(trail);
        this.events = events;
        this.commands = commands;
    }

    /** The trail cannot be opened: a controller that cannot account for its actions must not run the furnace. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens the trail in {@code dir} and follows the run's events from {@code events}' position.
     *
     * @param clock the run's clock (the time of a record about a crash-torn tail)
     * @throws Unavailable saying why: the directory cannot be written, another process has the trail open, or its
     *                     tail does not verify (naming file and line)
     */
    public static RunAudit open(Path dir, Clock clock, CommandRecords commands, EventStream.Reader events) {
        try {
            return new RunAudit(AuditTrail.open(dir, clock), events, commands);
        } catch (IOException e) {
            throw new Unavailable("the audit trail cannot be opened in " + dir + ": " + e, e);
        } catch (IllegalStateException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        for (FurnaceEvent event : events.poll()) {
            if (event instanceof CommandEvent command) {
                log.submit(commands.entry(command));
            } else if (event instanceof TuningEvent tuning) {
                log.submit(commands.entry(tuning));
            }
        }
        if (events.missed() > missedReported) {
            LOG.error("the audit trail lost {} events: its reader fell a whole event ring behind",
                    events.missed() - missedReported);
            missedReported = events.missed();
        }
    }

    /** Records an action of the controller itself. */
    public void record(AuditEntry entry) {
        log.submit(entry);
    }

    /** The trail's last record before this run wrote any. */
    public Optional<AuditRecord> lastAtOpen() {
        return trail.lastAtOpen();
    }

    /** Is told of each new head (see {@link AuditLog#onHead}). */
    public void onHead(Consumer<AuditRecord> listener) {
        log.onHead(listener);
    }

    /** The newest record on disk; after {@link #close()}, the trail's final head. */
    public AuditHead head() {
        return log.head();
    }

    /** Writes what is queued, and closes the trail. */
    @Override
    public void close() {
        log.close();
    }
}
