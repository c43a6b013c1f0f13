package com.sicfurnace.controller.run;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.snapshot.RunStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a command the core applied or refused becomes an audit record: the one place that knows both. Who asked is the
 * request's {@code requestedBy}, with no role (commands do not carry one yet); the reason is the abort's; the values
 * before and after are read from the snapshots of the scan before the command and of the scan it preceded. A refusal
 * changed nothing, so it has no values after.
 */
public final class CommandRecords {
    private final String furnace;
    private final String runId;

    public CommandRecords(String furnace, String runId) {
        this.furnace = furnace;
        this.runId = runId;
    }

    /**
     * @param before the snapshot of the scan before the command was applied; null if there was none
     * @param after  the snapshot of the scan the command preceded
     */
    public AuditEntry entry(CommandEvent event, ScanSnapshot before, ScanSnapshot after) {
        Command command = event.command();
        Outcome outcome = event.accepted() ? Outcome.DONE : Outcome.REFUSED;
        Map<String, Object> valuesAfter = outcome == Outcome.DONE ? values(command, after) : null;
        return new AuditEntry(event.time(), event.requestedBy(), "", action(command), reason(command),
                values(command, before), valuesAfter, outcome, event.detail(), furnace, runId);
    }

    /** The action's name in the trail. */
    static String action(Command command) {
        if (command instanceof Command.ResetInterlocks) {
            return "trip_reset";
        } else if (command instanceof Command.Acknowledge) {
            return "alarm_acknowledge";
        }
        // start, hold, resume, abort; a command added later is named after its class until it is mapped here
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String reason(Command command) {
        return command instanceof Command.Abort abort ? abort.reason() : "";
    }

    /** What the command concerns, as it stood in a snapshot (null: before the first scan). */
    private static Map<String, Object> values(Command command, ScanSnapshot snapshot) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (command instanceof Command.Acknowledge ack) {
            values.put("alarm", ack.alarm().name());
            values.put("alarm_state", alarmState(snapshot, ack.alarm()));
        } else if (command instanceof Command.ResetInterlocks) {
            values.put("latched_trips", snapshot == null ? List.of()
                    : snapshot.latchedTrips().stream().map(Enum::name).sorted().toList());
        } else {
            RunStatus run = snapshot == null ? RunStatus.NOT_STARTED : snapshot.run();
            values.put("state", run.state().label());
            values.put("hold_reason", run.holdReason().label());
            values.put("step", run.stepNumber());
        }
        return values;
    }

    private static String alarmState(ScanSnapshot snapshot, AlarmId alarm) {
        AlarmState state = snapshot == null ? AlarmState.NORMAL
                : snapshot.alarms().getOrDefault(alarm, AlarmState.NORMAL);
        return state.name().toLowerCase(Locale.ROOT);
    }
}
