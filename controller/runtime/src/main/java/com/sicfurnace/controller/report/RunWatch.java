package com.sicfurnace.controller.report;

import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.user.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * Who started the run and when it started and ended, in furnace time, from its own reader of the event stream and
 * the scans: the start is the start command the core accepted, the end the first scan after which the run was
 * finished. Runs on the scan thread; read after the scans stopped.
 */
public final class RunWatch implements ScanFeed.ScanListener {
    private final EventStream.Reader events;
    private volatile Actor startedBy;
    private volatile Instant startedAt;
    private volatile Instant endedAt;
    private volatile Instant lastScan;

    public RunWatch(EventStream.Reader events) {
        this.events = events;
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        for (FurnaceEvent event : events.poll()) {
            if (event instanceof CommandEvent c && c.accepted() && c.command() instanceof Command.Start
                    && startedAt == null) {
                startedBy = c.actor();
                startedAt = c.time();
            }
        }
        lastScan = snapshot.time();
        if (endedAt == null && snapshot.run().finished()) {
            endedAt = snapshot.time();
        }
    }

    /** The operator who started the run; empty for a run not started (or taken up again after a restart). */
    public Optional<Actor> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** When the recipe ended, or else the last scan (a run stopped before its end); empty before any scan. */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt != null ? endedAt : lastScan);
    }
}
