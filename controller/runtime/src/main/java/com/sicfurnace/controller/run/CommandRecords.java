package com.sicfurnace.controller.run;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a command the core applied or refused becomes an audit record: the one place that knows both. Who asked, in
 * which role and why come with the command; the values before and after are the state the core says the command
 * acted on, plus what the command names (an alarm, a row of the interlock matrix, a duration). A refusal changed
 * nothing, so it has no values after.
 */
public final class CommandRecords {
    private final String furnace;
    private final String runId;

    public CommandRecords(String furnace, String runId) {
        this.furnace = furnace;
        this.runId = runId;
    }

    public AuditEntry entry(CommandEvent event) {
        Command command = event.command();
        Outcome outcome = event.accepted() ? Outcome.DONE : Outcome.REFUSED;
        Map<String, Object> after = outcome == Outcome.DONE ? values(command, event.after()) : null;
        return new AuditEntry(event.time(), event.actor().user(), event.actor().role().label(), action(command),
                event.reason(), values(command, event.before()), after, outcome, event.detail(), furnace, runId);
    }

    /** The action's name in the trail. */
    static String action(Command command) {
        if (command instanceof Command.ResetInterlocks) {
            return "trip_reset";
        } else if (command instanceof Command.Acknowledge) {
            return "alarm_acknowledge";
        } else if (command instanceof Command.Shelve) {
            return "alarm_shelve";
        } else if (command instanceof Command.Unshelve) {
            return "alarm_unshelve";
        } else if (command instanceof Command.Bypass) {
            return "interlock_bypass";
        } else if (command instanceof Command.EndBypass) {
            return "interlock_bypass_end";
        } else if (command instanceof Command.Tune) {
            return "tuning_change";
        } else if (command instanceof Command.OverrideSetpoint) {
            return "setpoint_override";
        } else if (command instanceof Command.ResetPlcWatchdog) {
            return "plc_watchdog_reset";
        }
        return command.action();
    }

    private static Map<String, Object> values(Command command, Map<String, String> state) {
        Map<String, Object> values = new LinkedHashMap<>(state);
        if (command instanceof Command.Acknowledge ack) {
            values.put("alarm", ack.alarm().name());
        } else if (command instanceof Command.Shelve shelve) {
            values.put("alarm", shelve.alarm().name());
            values.put("mode", shelve.mode().name().toLowerCase(Locale.ROOT));
        } else if (command instanceof Command.Unshelve unshelve) {
            values.put("alarm", unshelve.alarm().name());
        } else if (command instanceof Command.Bypass bypass) {
            values.put("interlock", bypass.interlock().label());
            values.put("duration_s", bypass.duration().toSeconds());
        } else if (command instanceof Command.EndBypass end) {
            values.put("interlock", end.interlock().label());
        } else if (command instanceof Command.Tune tune) {
            values.put("loop", tune.loop().label());
        } else if (command instanceof Command.OverrideSetpoint override) {
            values.put("setpoint", override.setpoint().label());
        }
        return values;
    }
}
