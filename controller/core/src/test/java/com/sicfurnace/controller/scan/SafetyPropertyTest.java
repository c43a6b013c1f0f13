package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.fail;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.SystemAlarms;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Safety properties over arbitrary sequences of inputs (good, stale, bad, at their range limits, NaN), heater
 * faults and commands from every role, checked on every scan by {@link SafetyProperties}. Episodes come from a
 * seeded generator; a failing episode is shrunk to the fewest steps that still fail and reported with its seed.
 * Replay one with {@code -Dsafety.seed=N}; run more with {@code -Dsafety.episodes=N}.
 */
class SafetyPropertyTest {
    private static final int EPISODES = Integer.getInteger("safety.episodes", 80);
    private static final int STEPS = 40;
    private static final Actor[] ACTORS = {new Actor("olga", Role.OPERATOR), new Actor("erika", Role.ENGINEER),
        new Actor("adam", Role.ADMIN), Actor.system("telemetry")};

    /** One thing that happens to the furnace between scans, or a number of scans. */
    record Step(String description, Consumer<CoreRig> action) {
        @Override
        public String toString() {
            return description;
        }
    }

    record Episode(long seed, String furnace, int recipe, List<Step> steps) {
        Episode with(List<Step> fewer) {
            return new Episode(seed, furnace, recipe, fewer);
        }
    }

    @Test
    void noSequenceOfInputsFaultsAndCommandsBreaksASafetyProperty() {
        Long replay = Long.getLong("safety.seed");
        long base = replay != null ? replay : 20261206L;
        int episodes = replay != null ? 1 : EPISODES;
        for (int i = 0; i < episodes; i++) {
            Episode episode = generate(base + i);
            String violation = run(episode);
            if (violation != null) {
                Episode smallest = shrink(episode);
                fail("seed " + episode.seed() + " (replay with -Dsafety.seed=" + episode.seed() + "): "
                        + run(smallest) + "\nafter the steps, shrunk from " + episode.steps().size() + " to "
                        + smallest.steps().size() + ":\n  " + String.join("\n  ",
                        smallest.steps().stream().map(Step::toString).toList()));
            }
        }
    }

    private static Recipe recipe(String furnace, int which) {
        return switch (which) {
            case 0 -> TestRecipes.hot(furnace, HeaterMode.TEMPERATURE);
            case 1 -> TestRecipes.hot(furnace, HeaterMode.POWER);
            default -> TestRecipes.rampFromCold(furnace);
        };
    }

    /** Runs an episode from a fresh core; returns the first property violated, or null. */
    static String run(Episode episode) {
        SafetyProperties properties = new SafetyProperties(ProfileLoader.shipped(episode.furnace(),
                FurnaceProfile.class));
        CoreRig rig = new CoreRig(episode.furnace(), recipe(episode.furnace(), episode.recipe()), () -> null,
                properties::check);
        for (Step step : episode.steps()) {
            step.action().accept(rig);
            if (properties.violation() != null) {
                return properties.violation() + " (at step '" + step + "')";
            }
        }
        return null;
    }

    /** Drops chunks of steps, halving the chunk, as long as the episode still fails. */
    static Episode shrink(Episode failing) {
        Episode smallest = failing;
        for (int chunk = smallest.steps().size() / 2; chunk >= 1; chunk /= 2) {
            for (int from = 0; from + chunk <= smallest.steps().size(); ) {
                List<Step> fewer = new ArrayList<>(smallest.steps());
                fewer.subList(from, from + chunk).clear();
                Episode candidate = smallest.with(fewer);
                if (run(candidate) != null) {
                    smallest = candidate;
                } else {
                    from += chunk;
                }
            }
        }
        return smallest;
    }

    static Episode generate(long seed) {
        Random random = new Random(seed);
        String furnace = random.nextBoolean() ? "6inch" : "8inch";
        ProcessImage layout = HealthyFurnace.image(furnace);
        Signal[] inputs = Arrays.stream(Signal.values()).filter(s -> s.isInput() && layout.present(s))
                .toArray(Signal[]::new);
        List<Step> steps = new ArrayList<>();
        int recipe = random.nextInt(3);
        if (recipe == 2) { // a cold furnace: the pyrometers read their floor and the heater ramps open loop
            steps.add(new Step("pyrometers at their floor", rig -> {
                HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, layout.minimum(Signal.PYRO_TOP_C));
                HealthyFurnace.set(rig.in, Signal.PYRO_BOTTOM_C, layout.minimum(Signal.PYRO_BOTTOM_C));
            }));
        }
        steps.add(new Step("start", CoreRig::startRun));
        steps.add(new Step("600 scans", rig -> rig.scans(600)));
        for (int i = 0; i < STEPS; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                steps.add(input(random, layout, inputs[random.nextInt(inputs.length)]));
            } else if (kind < 7) {
                steps.add(command(random));
            } else if (kind == 7) {
                boolean follows = random.nextInt(3) > 0;
                steps.add(new Step("heater follows " + follows, rig -> rig.heaterFollows(follows)));
            } else {
                int n = 1 + random.nextInt(random.nextBoolean() ? 20 : 2000);
                steps.add(new Step(n + " scans", rig -> rig.scans(n)));
            }
        }
        steps.add(new Step("3000 scans", rig -> rig.scans(3000)));
        return new Episode(seed, furnace, recipe, steps);
    }

    private static Step input(Random random, ProcessImage layout, Signal signal) {
        double min = layout.minimum(signal);
        double max = layout.maximum(signal);
        double healthy = layout.value(signal);
        return switch (random.nextInt(7)) {
            case 0 -> new Step(signal.ioName() + " at its minimum", rig -> HealthyFurnace.set(rig.in, signal, min));
            case 1 -> new Step(signal.ioName() + " at its maximum", rig -> HealthyFurnace.set(rig.in, signal, max));
            case 2 -> new Step(signal.ioName() + " NaN", rig -> HealthyFurnace.set(rig.in, signal, Double.NaN));
            case 3 -> new Step(signal.ioName() + " bad", rig -> rig.in.update(signal, healthy, Quality.BAD));
            case 4 -> new Step(signal.ioName() + " stale", rig -> rig.in.markStale(signal));
            case 5 -> {
                double value = min + random.nextDouble() * (max - min);
                yield new Step(signal.ioName() + " = " + value, rig -> HealthyFurnace.set(rig.in, signal, value));
            }
            default -> new Step(signal.ioName() + " healthy", rig -> HealthyFurnace.set(rig.in, signal, healthy));
        };
    }

    private static Step command(Random random) {
        Actor actor = ACTORS[random.nextInt(ACTORS.length)];
        String reason = random.nextInt(4) == 0 ? "" : "property test";
        InterlockId row = InterlockId.values()[random.nextInt(InterlockId.values().length)];
        Command command = switch (random.nextInt(10)) {
            case 0 -> new Command.Start();
            case 1 -> new Command.Hold();
            case 2 -> new Command.Resume();
            case 3 -> new Command.Abort();
            case 4, 5 -> new Command.ResetInterlocks();
            case 6 -> new Command.Acknowledge(AlarmId.of(SystemAlarms.ALL.get(random.nextInt(SystemAlarms.ALL.size()))
                    .id()));
            case 7 -> new Command.Bypass(row, Duration.ofSeconds(random.nextInt(3 * 3600 + 1)));
            case 8 -> new Command.EndBypass(row);
            default -> new Command.ReportCondition(AlarmId.TELEMETRY_BACKLOG, random.nextBoolean(), "report");
        };
        return new Step(command + " by " + actor + " reason '" + reason + "'",
                rig -> rig.command(command, actor, reason));
    }
}
