package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.Condition;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Holdback;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Compact construction of recipe steps for tests. */
final class Steps {
    private Steps() {
    }

    static OptionalDouble v(double value) {
        return OptionalDouble.of(value);
    }

    static OptionalDouble none() {
        return OptionalDouble.empty();
    }

    static Targets temperatures(double seedC, double sourceC) {
        return new Targets(v(seedC), v(sourceC), none(), none(), none(), none());
    }

    static Targets pressure(double mbar, double argonSccm) {
        return new Targets(none(), none(), none(), v(mbar), v(argonSccm), none());
    }

    static Targets power(double kw) {
        return new Targets(none(), none(), v(kw), none(), none(), none());
    }

    static StepSettings settings(HeaterMode heater, VacuumMode vacuum, Targets targets) {
        return new StepSettings(Optional.ofNullable(heater), Optional.ofNullable(vacuum), targets, Optional.empty());
    }

    static StepSettings withHoldback(StepSettings s, Holdback holdback) {
        return new StepSettings(s.heater(), s.vacuum(), s.targets(), Optional.of(holdback));
    }

    static Step.Ramp rampByRate(String name, StepSettings s, double celsiusPerHour) {
        return new Step.Ramp(name, 1, s, new Step.ByTemperatureRate(celsiusPerHour));
    }

    static Step.Ramp rampByTime(String name, StepSettings s, Duration time) {
        return new Step.Ramp(name, 1, s, new Step.ByTime(time));
    }

    static Step.Soak soak(String name, StepSettings s, Duration duration) {
        return new Step.Soak(name, 1, s, duration);
    }

    static Step.Wait waitUntil(String name, StepSettings s, Condition condition, Duration timeout,
                               Step.TimeoutAction onTimeout) {
        return new Step.Wait(name, 1, s, List.of(condition), Optional.ofNullable(timeout), onTimeout);
    }

    static Recipe recipe(Step... steps) {
        return new Recipe("test", "6inch", "", "test.yaml", Optional.empty(), List.of(steps));
    }

    /** Runs {@code seconds} of scans at 10 Hz. */
    static void run(Programmer programmer, ProcessView view, double seconds) {
        long scans = Math.round(seconds / 0.1);
        for (long i = 0; i < scans; i++) {
            programmer.update(view, 0.1);
        }
    }
}
