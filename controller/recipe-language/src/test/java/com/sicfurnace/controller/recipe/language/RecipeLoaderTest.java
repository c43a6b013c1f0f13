package com.sicfurnace.controller.recipe.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.recipe.Condition;
import com.sicfurnace.controller.recipe.ConditionVariable;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Holdback;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.RecipeLimits;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-formed recipes and how they map to the model. */
class RecipeLoaderTest {
    static final RecipeLimits LIMITS =
            new RecipeLimits("6inch", 1050, 2600, 0, 300, 300, 35, 40, 0.5, 900, 6000, 15, 400, 150);

    /** Surefire runs in the module directory; the guide's examples must stay valid recipes. */
    private static final Path GUIDE = Path.of("..", "..", "docs", "recipes.md");

    @Test
    void guideFullExampleLoadsFromAFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("pvt-example.yaml");
        Files.writeString(file, yamlAfter("## Full example"));

        Recipe recipe = RecipeLoader.load(file, LIMITS);

        assertEquals("pvt-6inch-4h-n", recipe.name());
        assertEquals("6inch", recipe.furnace());
        assertEquals("4H-SiC, n-type, 150 mm seed, 100 h at 2250 °C seed / 2290 °C source", recipe.description());
        assertEquals(file.toString(), recipe.source());
        assertEquals(Optional.of(new Holdback(Holdback.Type.BAND, 5)), recipe.defaultHoldback());
        assertEquals(List.of("rough-pump", "pump-to-high-vacuum", "leak-check", "degas-ramp", "degas-hold",
                        "take-over-temperature", "argon-backfill", "heat-to-growth", "reduce-pressure", "growth",
                        "raise-pressure", "cool-down", "heater-off", "wait-cold", "vent"),
                recipe.steps().stream().map(Step::name).toList());
        Step.Ramp heatToGrowth = assertInstanceOf(Step.Ramp.class, recipe.steps().get(7));
        assertEquals(new Step.ByTemperatureRate(150), heatToGrowth.pace());
        assertEquals(Optional.of(new Holdback(Holdback.Type.LOW, 15)), heatToGrowth.settings().holdback());
        assertEquals(Duration.ofHours(100), assertInstanceOf(Step.Soak.class, recipe.steps().get(9)).duration());
    }

    @Test
    void guideShortExampleIsValid() throws IOException {
        Recipe recipe = parse(yamlAfter("## At a glance"));

        assertEquals(List.of("evacuate", "heat", "bake", "heater-off"),
                recipe.steps().stream().map(Step::name).toList());
    }

    @Test
    void rampByTimeKeepsOnlyWhatTheStepGives() {
        Recipe recipe = parse("""
                recipe: timed
                furnace: 6inch
                steps:
                  - name: evacuate
                    type: wait
                    vacuum: high-vacuum
                    until: {pressure_mbar: {below: 1e-4}}
                  - name: heat
                    type: ramp
                    heater: temperature
                    seed_c: 2000
                    source_c: 2020.5
                    time: 90 min
                  - name: off
                    type: soak
                    heater: off
                    duration: 30 s
                """);

        Step.Ramp heat = assertInstanceOf(Step.Ramp.class, recipe.steps().get(1));
        assertEquals("heat", heat.name());
        assertEquals(8, heat.line());
        assertEquals(new Step.ByTime(Duration.ofMinutes(90)), heat.pace());
        assertEquals(new StepSettings(Optional.of(HeaterMode.TEMPERATURE), Optional.empty(),
                new Targets(OptionalDouble.of(2000), OptionalDouble.of(2020.5), OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
                Optional.empty()), heat.settings());
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Step.Soak.class, recipe.steps().get(2)).duration());
    }

    @Test
    void carriedOverModesAndSetpointsAreNotCopiedIntoLaterSteps() {
        Recipe recipe = parse("""
                recipe: modal
                furnace: 6inch
                steps:
                  - name: evacuate
                    type: wait
                    vacuum: high-vacuum
                    until: {pressure_mbar: {below: 1e-4}}
                  - name: heat
                    type: ramp
                    heater: temperature
                    seed_c: 2000
                    source_c: 2020
                    rate_c_per_h: 200
                  - name: raise-seed
                    type: ramp
                    seed_c: 2010
                    rate_c_per_h: 20
                    holdback: {type: high, limit_k: 2.5}
                  - name: hold
                    type: soak
                    duration: 1.5 h
                  - name: off
                    type: soak
                    heater: off
                    duration: 1 h
                """);

        Step.Ramp raiseSeed = assertInstanceOf(Step.Ramp.class, recipe.steps().get(2));
        assertEquals(new StepSettings(Optional.empty(), Optional.empty(),
                new Targets(OptionalDouble.of(2010), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
                Optional.of(new Holdback(Holdback.Type.HIGH, 2.5))), raiseSeed.settings());
        assertEquals(new Step.ByTemperatureRate(20), raiseSeed.pace());
        Step.Soak hold = assertInstanceOf(Step.Soak.class, recipe.steps().get(3));
        assertEquals(StepSettings.NONE, hold.settings());
        assertEquals(Duration.ofMinutes(90), hold.duration());
        assertEquals(Optional.empty(), recipe.defaultHoldback());
        assertEquals("", recipe.description());
        assertEquals("test.yaml", recipe.source());
    }

    @Test
    void waitReadsConditionsInFileOrderWithTimeoutAndAction() {
        Recipe recipe = parse("""
                recipe: waits
                furnace: 6inch
                steps:
                  - name: evacuate
                    type: wait
                    vacuum: high-vacuum
                    until:
                      turbo_speed_pct: {above: 95}
                      pressure_mbar: {below: 5e-5}
                    timeout: 2 h
                    on_timeout: continue
                  - name: backfill
                    type: wait
                    vacuum: process
                    ar_sccm: 300
                    n2_sccm: 2.5
                    pressure_mbar: 800
                    until:
                      pressure_mbar: {above: 750}
                  - name: vent
                    type: wait
                    vacuum: vent
                    ar_sccm: 0
                    n2_sccm: 0
                    until:
                      pressure_mbar: {above: 950}
                """);

        Step.Wait evacuate = assertInstanceOf(Step.Wait.class, recipe.steps().get(0));
        assertEquals(List.of(
                new Condition(ConditionVariable.TURBO_SPEED_PCT, Condition.Comparison.ABOVE, 95),
                new Condition(ConditionVariable.PRESSURE_MBAR, Condition.Comparison.BELOW, 5e-5)), evacuate.until());
        assertEquals(Optional.of(Duration.ofHours(2)), evacuate.timeout());
        assertEquals(Step.TimeoutAction.CONTINUE, evacuate.onTimeout());
        assertEquals(Optional.of(VacuumMode.HIGH_VACUUM), evacuate.settings().vacuum());

        Step.Wait backfill = assertInstanceOf(Step.Wait.class, recipe.steps().get(1));
        assertEquals(Optional.empty(), backfill.timeout());
        assertEquals(Step.TimeoutAction.HOLD, backfill.onTimeout());
        assertEquals(new Targets(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(800), OptionalDouble.of(300), OptionalDouble.of(2.5)), backfill.settings().targets());
    }

    @Test
    void leakCheckTakesItsDefaultsAndPowerRampItsRate() {
        Recipe recipe = parse("""
                recipe: leak
                furnace: 6inch
                steps:
                  - name: evacuate
                    type: wait
                    vacuum: high-vacuum
                    until: {pressure_mbar: {below: 1e-4}}
                  - name: check
                    type: leak-check
                    duration: 10 min
                    max_leak_rate_mbar_l_per_s: 2e-5
                  - name: check-again
                    type: leak-check
                    heater: off
                    duration: 5 min
                    settle: 2 min
                    max_leak_rate_mbar_l_per_s: 1e-4
                    linear_ratio: 0.8
                    on_fail: hold
                  - name: warm
                    type: ramp
                    heater: power
                    power_kw: 10
                    rate_kw_per_h: 20
                  - name: off
                    type: soak
                    heater: off
                    duration: 1 h
                """);

        assertEquals(new Step.LeakCheck("check", 8, StepSettings.NONE, Duration.ofMinutes(1),
                Duration.ofMinutes(10), 2e-5, Step.LeakCheck.DEFAULT_LINEAR_RATIO, Step.FailAction.ABORT),
                recipe.steps().get(1));
        Step.LeakCheck again = assertInstanceOf(Step.LeakCheck.class, recipe.steps().get(2));
        assertEquals(Duration.ofMinutes(2), again.settle());
        assertEquals(0.8, again.linearRatio());
        assertEquals(Step.FailAction.HOLD, again.onFail());
        assertEquals(Optional.of(HeaterMode.OFF), again.settings().heater());
        Step.Ramp warm = assertInstanceOf(Step.Ramp.class, recipe.steps().get(3));
        assertEquals(new Step.ByPowerRate(20), warm.pace());
        assertEquals(OptionalDouble.of(10), warm.settings().targets().powerKw());
    }

    @Test
    void loadNamesProblemsByFileNameOnly(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.yaml");
        Files.writeString(file, "recipe: x\nfurnace: 6inch\nsteps: []\n");

        RecipeException e = assertThrows(RecipeException.class, () -> RecipeLoader.load(file, LIMITS));

        assertEquals("broken.yaml:3: steps: must list at least one step", e.getMessage());
    }

    @Test
    void unreadableFileIsOneProblemAtLineZeroNamingThePath(@TempDir Path directory) {
        Path missing = directory.resolve("missing.yaml");

        RecipeException e = assertThrows(RecipeException.class, () -> RecipeLoader.load(missing, LIMITS));

        assertEquals(List.of(new RecipeProblem("missing.yaml", 0, 0, "", "", "cannot read " + missing
                + ": no such file")), e.problems());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    /** The first YAML block after {@code heading} in the guide. */
    private static String yamlAfter(String heading) throws IOException {
        String guide = Files.readString(GUIDE);
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(block.find(guide.indexOf(heading + "\n")), "the guide has a YAML block after " + heading);
        return block.group(1);
    }

    private static Recipe parse(String yaml) {
        return RecipeLoader.parse(yaml, "test.yaml", LIMITS);
    }
}
