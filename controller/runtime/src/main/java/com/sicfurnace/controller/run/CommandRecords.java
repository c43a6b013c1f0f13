package com.sicfurnace.controller.run;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditValues;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.tuning.TuningEvent;
import com.sicfurnace.controller.user.Actor;
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
    /** Who ends a relay test by itself. */
    static final Actor TUNING_ACTOR = Actor.system("auto-tune");
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

    /**
     * A relay test that ended by itself (finished with a proposal, or aborted: the band left, a hold, a trip), as
     * the controller's own record: the engineer's start and decision are commands, this is what came between.
     */
    public AuditEntry entry(TuningEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("loop", event.loop().label());
        return new AuditEntry(event.time(), TUNING_ACTOR.user(), TUNING_ACTOR.role().label(), event.type().label(),
                "", values, values, Outcome.DONE, event.detail(), furnace, runId);
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
        } else if (command instanceof Command.StartAutoTune) {
            return "auto_tune_start";
        } else if (command instanceof Command.AbortAutoTune) {
            return "auto_tune_abort";
        } else if (command instanceof Command.AcceptTuning) {
            return "tuning_accept";
        } else if (command instanceof Command.RejectTuning) {
            return "tuning_reject";
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
        } else if (command instanceof Command.StartAutoTune start) {
            values.put("loop", start.loop().label());
            values.put("amplitude_kw", AuditValues.decimal(start.amplitudeKw()));
            values.put("band_k", AuditValues.decimal(start.bandK()));
            values.put("hysteresis_k", AuditValues.decimal(start.hysteresisK()));
            values.put("cycles", start.cycles());
            values.put("max_s", AuditValues.decimal(start.maxS()));
        } else if (command instanceof Command.AbortAutoTune abort) {
            values.put("loop", abort.loop().label());
        } else if (command instanceof Command.AcceptTuning accept) {
            values.put("loop", accept.loop().label());
        } else if (command instanceof Command.RejectTuning reject) {
            values.put("loop", reject.loop().label());
        }
        return values;
    }
}
