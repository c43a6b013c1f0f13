package com.sicfurnace.controller.command;

import com.sicfurnace.controller.alarm.AlarmId;
import java.util.Objects;

/**
 * What may be asked of the core between scans. The core checks each request against the run's state, applies it
 * or refuses it, and journals the outcome as a {@link CommandEvent}; nothing outside the core changes its state
 * by any other route.
 */
public sealed interface Command {
    /** Whether the request and its outcome go into the event stream (operator actions do, service reports not). */
    default boolean journaled() {
        return true;
    }

    /** Start the recipe; it begins at the first scan that has every input. */
    record Start() implements Command {
    }

    /** Hold the running recipe: timers and setpoints stand still, the loops keep controlling. */
    record Hold() implements Command {
    }

    /** Resume a held recipe; refused while an interlock is latched. */
    record Resume() implements Command {
    }

    /** End the run: heater off, gas off, a chamber under pressure control isolated. */
    record Abort(String reason) implements Command {
        public Abort {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Reset the latched interlocks whose cause is gone, and the PLC's watchdog. */
    record ResetInterlocks() implements Command {
    }

    record Acknowledge(AlarmId alarm) implements Command {
        public Acknowledge {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /**
     * A condition of one of the controller's own services (telemetry) that the operator must see as an alarm,
     * reported again whenever the service looks; its alarm transitions are journaled, the reports are not.
     */
    record ReportCondition(AlarmId alarm, boolean active, String detail) implements Command {
        public ReportCondition {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean journaled() {
            return false;
        }
    }

    /** A single occurrence in one of the controller's own services (a quarantined telemetry batch), as an alarm. */
    record ReportEvent(AlarmId alarm, String detail) implements Command {
        public ReportEvent {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean journaled() {
            return false;
        }
    }
}
