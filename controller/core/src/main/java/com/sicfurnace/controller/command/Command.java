package com.sicfurnace.controller.command;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.ShelveMode;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.program.Setpoint;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What may be asked of the core between scans. The core checks each request against the user's role and the
 * run's state, applies it or refuses it, and journals the outcome as a {@link CommandEvent}; nothing outside the
 * core changes its state by any other route.
 */
public sealed interface Command {
    Set<Role> PEOPLE = EnumSet.of(Role.OPERATOR, Role.ENGINEER, Role.ADMIN);
    Set<Role> ENGINEERS = EnumSet.of(Role.ENGINEER, Role.ADMIN);

    /** The roles that may ask for this command. */
    default Set<Role> roles() {
        return PEOPLE;
    }

    /** Whether the request must say why (it is refused without a reason). */
    default boolean needsReason() {
        return false;
    }

    /** Whether the request and its outcome go into the event stream (people's actions do, service reports not). */
    default boolean journaled() {
        return true;
    }

    /** The action's name as the journal and the audit trail write it: {@code reset_interlocks}. */
    default String action() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** What engineers and admins may ask, always with a reason: bypass, tune, override. */
    sealed interface Engineering extends Command {
        @Override
        default Set<Role> roles() {
            return ENGINEERS;
        }

        @Override
        default boolean needsReason() {
            return true;
        }
    }

    /** What only the controller's own services report; journaled only when refused (a forgery). */
    sealed interface Service extends Command {
        @Override
        default Set<Role> roles() {
            return EnumSet.of(Role.SYSTEM);
        }

        @Override
        default boolean journaled() {
            return false;
        }
    }

    /**
     * Run another recipe: only before the start, and only one for this furnace. {@code source} and {@code sha256}
     * name the file it was read from, for the record: the core reads no file.
     */
    record LoadRecipe(Recipe recipe, String source, String sha256) implements Command {
        public LoadRecipe {
            Objects.requireNonNull(recipe, "recipe");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public boolean needsReason() {
            return true;
        }

        @Override
        public String toString() { // the steps are the file's to show, not every log line's
            return "LoadRecipe[" + recipe.name() + " from " + source + ", sha256 " + sha256 + "]";
        }
    }

    /** Start the recipe; it begins at the first scan that has every input, if the start permissives hold. */
    record Start() implements Command {
    }

    /** Hold the running recipe: timers and setpoints stand still, the loops keep controlling. */
    record Hold() implements Command {
    }

    /** Resume a held recipe; refused while an interlock is latched or the cause of the hold persists. */
    record Resume() implements Command {
    }

    /** End the run: heater off, gas off, a chamber under pressure control isolated. */
    record Abort() implements Command {
        @Override
        public boolean needsReason() {
            return true;
        }
    }

    /** Reset the latched interlocks whose cause is gone, and the PLC's watchdog. */
    record ResetInterlocks() implements Command {
    }

    /**
     * The controller's own recovery after a restart resets the PLC's watchdog, which tripped while the controller was
     * away, and nothing else. The core issues it by itself; asked for from outside, it is refused.
     */
    record ResetPlcWatchdog() implements Command {
        @Override
        public Set<Role> roles() {
            return EnumSet.of(Role.SYSTEM);
        }
    }

    record Acknowledge(AlarmId alarm) implements Command {
        public Acknowledge {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /**
     * Shelve an alarm: timed for {@code duration}, or one-shot until it next returns to normal (a null duration then
     * means the longest the alarm allows). Trips and URGENT alarms are never shelved; docs/alarms.md.
     */
    record Shelve(AlarmId alarm, ShelveMode mode, Duration duration) implements Command {
        public Shelve {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public boolean needsReason() {
            return true;
        }
    }

    record Unshelve(AlarmId alarm) implements Command {
        public Unshelve {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /**
     * Bypass one interlock for at most {@code duration}: its cause no longer acts, its alarm stays raised while the
     * bypass lasts. Only the interlocks the matrix allows, by the roles it names, up to its time limit.
     */
    record Bypass(InterlockId interlock, Duration duration) implements Engineering {
        public Bypass {
            Objects.requireNonNull(interlock, "interlock");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * New gains for a loop, bumpless: within a factor of ten of the profile's tuning, derivative time at most the
     * integral time.
     */
    record Tune(LoopId loop, double kp, double tiS, double tdS) implements Engineering {
        public Tune {
            Objects.requireNonNull(loop, "loop");
        }
    }

    /**
     * A relay auto-tune of a loop (only the seed loop): in a soak with the seed loop in closed-loop control, its
     * output is replaced by the output it stood at ± {@code amplitudeKw}, switched at the setpoint ± {@code
     * hysteresisK}, for a settling cycle and {@code cycles} measured ones; leaving the band of ± {@code bandK} around
     * the setpoint, or {@code maxS} running, aborts it. See {@link com.sicfurnace.controller.tuning.RelayTest}.
     */
    record StartAutoTune(LoopId loop, double amplitudeKw, double bandK, double hysteresisK, int cycles, double maxS)
            implements Engineering {
        public StartAutoTune {
            Objects.requireNonNull(loop, "loop");
        }
    }

    /** End a running relay test: the loop takes over, bumplessly, with its gains. Anyone may stop a test. */
    record AbortAutoTune(LoopId loop) implements Command {
        public AbortAutoTune {
            Objects.requireNonNull(loop, "loop");
        }
    }

    /** Take the finished test's proposal as the loop's gains, bumpless, within the same limits as {@link Tune}. */
    record AcceptTuning(LoopId loop) implements Engineering {
        public AcceptTuning {
            Objects.requireNonNull(loop, "loop");
        }
    }

    /** Discard the finished test's proposal; the gains stay as they are. */
    record RejectTuning(LoopId loop) implements Engineering {
        public RejectTuning {
            Objects.requireNonNull(loop, "loop");
        }
    }

    /** A new value for one setpoint of a run held in a soak or a wait, within the furnace's recipe limits. */
    record OverrideSetpoint(Setpoint setpoint, double value) implements Engineering {
        public OverrideSetpoint {
            Objects.requireNonNull(setpoint, "setpoint");
        }
    }

    /** End a bypass before its time runs out. */
    record EndBypass(InterlockId interlock) implements Command {
        public EndBypass {
            Objects.requireNonNull(interlock, "interlock");
        }
    }

    /**
     * A condition of one of the controller's own services (telemetry) that the operator must see as an alarm,
     * reported again whenever the service looks; its alarm transitions are journaled, the reports are not.
     */
    record ReportCondition(AlarmId alarm, boolean active, String detail) implements Service {
        public ReportCondition {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A single occurrence in one of the controller's own services (a quarantined telemetry batch), as an alarm. */
    record ReportEvent(AlarmId alarm, String detail) implements Service {
        public ReportEvent {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
