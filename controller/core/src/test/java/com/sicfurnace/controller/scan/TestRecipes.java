package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** One-step recipes for tests of the core: a long soak under 300 mbar of argon, hot or at a fixed power. */
public final class TestRecipes {
    private TestRecipes() {
    }

    /** A 100-hour soak at 1600 °C seed (temperature mode) or 10 kW (power mode). */
    public static Recipe hot(String furnace, HeaterMode mode) {
        return mode == HeaterMode.POWER ? power(furnace, 10.0) : new Recipe("t", furnace, "", "t.yaml",
                Optional.empty(), List.of(new Step.Soak("hot", 1, new StepSettings(Optional.of(mode),
                Optional.of(VacuumMode.PROCESS), new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700),
                OptionalDouble.empty(), OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty()),
                Optional.empty()), Duration.ofHours(100))));
    }

    /** A ramp to 1600 °C at 300 °C/h from a cold furnace: open-loop power until the pyrometers see. */
    public static Recipe rampFromCold(String furnace) {
        return new Recipe("t", furnace, "", "t.yaml", Optional.empty(), List.of(new Step.Ramp("heat", 1,
                new StepSettings(Optional.of(HeaterMode.TEMPERATURE), Optional.of(VacuumMode.PROCESS), new Targets(
                        OptionalDouble.of(1600), OptionalDouble.of(1700), OptionalDouble.empty(),
                        OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty()), Optional.empty()),
                new Step.ByTemperatureRate(300))));
    }

    public static Recipe power(String furnace, double kw) {
        return new Recipe("t", furnace, "", "t.yaml", Optional.empty(), List.of(new Step.Soak("hot", 1,
                new StepSettings(Optional.of(HeaterMode.POWER), Optional.of(VacuumMode.PROCESS), new Targets(
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(kw), OptionalDouble.of(300),
                        OptionalDouble.of(500), OptionalDouble.empty()), Optional.empty()), Duration.ofHours(100))));
    }
}
