package com.sicfurnace.controller.recipe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One step of a recipe. {@code line} is where the step starts in its file, for messages. */
public sealed interface Step permits Step.Ramp, Step.Soak, Step.Wait, Step.LeakCheck {
    String name();

    int line();

    StepSettings settings();

    /** The step's type as recipes spell it: ramp, soak, wait or leak-check. */
    default String typeName() {
        if (this instanceof Ramp) {
            return "ramp";
        } else if (this instanceof Soak) {
            return "soak";
        } else if (this instanceof Wait) {
            return "wait";
        }
        return "leak-check";
    }

    /** How fast a ramp moves: over a fixed time, or at a rate of the temperature or power channel. */
    sealed interface Pace permits ByTime, ByTemperatureRate, ByPowerRate {
    }

    record ByTime(Duration time) implements Pace {
    }

    record ByTemperatureRate(double celsiusPerHour) implements Pace {
    }

    record ByPowerRate(double kilowattsPerHour) implements Pace {
    }

    /** Moves the targets linearly from where the previous step left them. */
    record Ramp(String name, int line, StepSettings settings, Pace pace) implements Step {
        public Ramp {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(pace, "pace");
        }
    }

    /** Holds the setpoints for a time; gas, pressure and mode changes take effect at its start. */
    record Soak(String name, int line, StepSettings settings, Duration duration) implements Step {
        public Soak {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** What a wait step does when its timeout expires before its conditions are met. */
    enum TimeoutAction { HOLD, ABORT, CONTINUE }

    /** Holds the setpoints until every condition is met. */
    record Wait(String name, int line, StepSettings settings, List<Condition> until, Optional<Duration> timeout,
                TimeoutAction onTimeout) implements Step {
        public Wait {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
            until = List.copyOf(until);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(onTimeout, "onTimeout");
        }
    }

    /** What a failed leak-rate check does. */
    enum FailAction { HOLD, ABORT }

    /**
     * Isolates the chamber, waits {@code settle}, then reads the pressure rise in two equal windows that make up
     * {@code duration}. The leak rate is the second window's rise times the chamber volume V over its time; it
     * passes at or below {@code maxLeakRateMbarLPerS}. The second window's rate as a fraction of the first tells a
     * linear rise (a leak: at or above {@code linearRatio}) from one levelling off (outgassing).
     */
    record LeakCheck(String name, int line, StepSettings settings, Duration settle, Duration duration,
                     double maxLeakRateMbarLPerS, double linearRatio, FailAction onFail) implements Step {
        /** A rise that keeps half its rate into the second window is taken as linear. */
        public static final double DEFAULT_LINEAR_RATIO = 0.5;

        public LeakCheck {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(settle, "settle");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(onFail, "onFail");
        }
    }
}
