package com.sicfurnace.controller.run;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditValues;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.ProgramCheckpoint;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.Recovery;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records the restart of a controller that took a run up again from its journal ({@code controller_restart}), when
 * the core has done so, in its first scan with every input: where the journal left the run (before), where the run
 * went on and after how long an outage (after), by the controller's recovery. The recovery's own reset of the PLC's
 * watchdog is a command of the core, recorded by {@link RunAudit} like any other.
 */
public final class RecoveryAudit implements ScanFeed.ScanListener {
    public static final String RESTART = "controller_restart";

    private final RunAudit audit;
    private final EventStream.Reader events;
    private final RunJournal.Journaled journaled;
    private final Recovery recovery;
    private final String furnace;
    private boolean recorded;

    public RecoveryAudit(RunAudit audit, EventStream.Reader events, RunJournal.Journaled journaled, Recovery recovery,
                         String furnace) {
        this.audit = audit;
        this.events = events;
        this.journaled = journaled;
        this.recovery = recovery;
        this.furnace = furnace;
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        if (recorded) {
            return;
        }
        for (FurnaceEvent event : events.poll()) {
            if (event instanceof ProgramEvent e && e.type() == ProgramEvent.Type.RECOVERED) {
                audit.record(entry(snapshot, e));
                recorded = true;
                return;
            }
        }
    }

    private AuditEntry entry(ScanSnapshot snapshot, ProgramEvent event) {
        ProgramCheckpoint at = journaled.checkpoint().program();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("journal", journaled.file().toString());
        before.put("furnace_time", journaled.header().furnaceTime().toString());
        before.put("state", at.state().label());
        before.put("hold_reason", at.holdReason().label());
        before.put("step", at.stepIndex() + 1);
        before.put("step_time_s", AuditValues.decimal(at.stepTimerS()));
        RunStatus run = snapshot.run();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("furnace_time", snapshot.time().toString());
        after.put("state", run.state().label());
        after.put("hold_reason", run.holdReason().label());
        after.put("step", run.stepNumber());
        after.put("step_time_s", AuditValues.decimal(run.stepTimeS()));
        after.put("outage_s", AuditValues.decimal(recovery.outageS()));
        after.put("max_outage_s", AuditValues.decimal(recovery.maxOutageS()));
        after.put("resumed", recovery.withinLimit() ? "by itself" : "held for an operator");
        return new AuditEntry(event.time(), Recovery.ACTOR.user(), Recovery.ACTOR.role().label(), RESTART, "", before,
                after, Outcome.DONE, event.detail(), furnace, journaled.header().runId());
    }
}
