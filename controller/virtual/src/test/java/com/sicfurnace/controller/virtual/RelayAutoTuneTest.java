package com.sicfurnace.controller.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.io.inprocess.InProcessFurnaceIo;
import com.sicfurnace.controller.io.inprocess.InProcessLinks;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profile.PidTuning;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.StepSummary;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.ScanCycle;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.tuning.AutoTuneStatus;
import com.sicfurnace.controller.tuning.RelayResult;
import com.sicfurnace.controller.tuning.TuningEvent;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The relay auto-tune of the seed loop on the 6-inch furnace's model, in virtual time. In a soak at 2200 °C, below
 * the gain schedule's 2350 °C reference, a relay of ±1 kW measures the ultimate gain and period; the Tyreus–Luyben
 * proposal (divided by the schedule's factors at 2200 °C) lies within a factor of three of the profile's shipped
 * gains, the known-good tuning; accepted, it holds the growth soak that follows to the growth criterion, seed error
 * p99 ≤ 1 K. A test whose band is left aborts, and the loop goes on with its old gains from the output it stood at.
 */
class RelayAutoTuneTest {
    private static final Actor ENGINEER = new Actor("erin", Role.ENGINEER);
    /** Within this factor either way of the known-good tuning. */
    private static final double FACTOR = 3.0;
    private static final String RECIPE = """
            recipe: relay-tune
            furnace: 6inch
            description: to a growth temperature, a soak to tune in, a growth soak
            holdback: {type: low, limit_k: 10}
            steps:
              - name: pump-down
                type: wait
                vacuum: high-vacuum
                heater: off
                until:
                  pressure_mbar: {below: 1.0e-3}
                timeout: 1 h
              - name: backfill
                type: wait
                vacuum: process
                pressure_mbar: 600
                ar_sccm: 3000
                until:
                  pressure_mbar: {above: 590}
                timeout: 1 h
              - name: heat-up
                type: ramp
                heater: temperature
                seed_c: 2200
                source_c: 2375
                ar_sccm: 500
                rate_c_per_h: 300
              - name: pressure-down
                type: ramp
                pressure_mbar: 20
                n2_sccm: 5
                time: 1 h
              - name: tune
                type: soak
                duration: 4 h
              - name: growth
                type: soak
                duration: 3 h
                holdback: {type: band, limit_k: 3}
              - name: end
                type: wait
                heater: off
                until:
                  seed_c: {below: 1050}
                timeout: 10 h
            """;

    @Test
    void theProposalIsNearTheKnownGoodTuningAndHoldsTheGrowthSoak() {
        Rig rig = new Rig();
        List<AutoTuneStatus> finished = new ArrayList<>();
        rig.run("growth", (scan, snapshot) -> {
            AutoTuneStatus tune = snapshot.tunings().autoTune();
            if (inTuneSoakSettled(snapshot) && tune.state() == AutoTuneStatus.State.IDLE && finished.isEmpty()
                    && !rig.started) {
                rig.started = true;
                rig.submit(new Command.StartAutoTune(LoopId.SEED, 1.0, 10.0, 0.5, 3, 3 * 3600.0));
            } else if (tune.state() == AutoTuneStatus.State.FINISHED && finished.isEmpty()) {
                finished.add(tune);
                rig.submit(new Command.AcceptTuning(LoopId.SEED));
            }
        });
        assertEquals(1, finished.size(), "the test finished: " + rig.tuningEvents());
        RelayResult result = finished.get(0).result();
        PidTuning known = rig.profile.loops().seed();
        System.out.printf("Ku %.4f kW/K, Pu %.1f s, a %.3f K, cycles %d; proposal kp %.4f ti_s %.1f (effective kp %.4f "
                + "ti_s %.1f); known good kp %.3f ti_s %.1f; growth p99 %s K%n", result.ultimateGain(),
                result.ultimatePeriodS(), result.oscillationK(), result.cycles(), result.proposal().kp(),
                result.proposal().tiS(), result.proposal().effectiveKp(), result.proposal().effectiveTiS(), known.kp(),
                known.tiS(), rig.growth().temperatureErrorP99K());
        assertWithin("kp", result.proposal().kp(), known.kp());
        assertWithin("ti_s", result.proposal().tiS(), known.tiS());
        assertEquals(result.proposal().kp(), rig.last.tunings().seed().kp(), 1e-12, "accepted: the loop runs it");
        assertEquals(AutoTuneStatus.State.IDLE, rig.last.tunings().autoTune().state());
        assertEquals("accepted", rig.last.tunings().autoTune().detail());
        CommandEvent accept = rig.command("accept_tuning");
        assertTrue(accept.accepted(), accept.detail());
        assertEquals(String.format(java.util.Locale.ROOT, "%.6g", known.kp()), accept.before().get("kp"));
        assertEquals(accept.before().get("proposed_kp"), accept.after().get("kp"));
        assertEquals(0, rig.last.safety().active().size(), "no interlock acted");
        StepSummary growth = rig.growth();
        assertTrue(growth.temperatureErrorP99K() <= 1.0, "growth soak seed p99 " + growth.temperatureErrorP99K()
                + " K");
    }

    private static boolean inTuneSoakSettled(ScanSnapshot s) {
        return "tune".equals(s.run().stepName()) && s.run().stepTimeS() >= 3600.0;
    }

    private static void assertWithin(String gain, double proposed, double known) {
        assertTrue(proposed >= known / FACTOR && proposed <= known * FACTOR, gain + " " + proposed
                + " is not within a factor of " + FACTOR + " of the known-good " + known);
    }

    /** One furnace, its controller and the recorder of its steps, scanned in virtual time. */
    private static final class Rig {
        final FurnaceProfile profile;
        final Recipe recipe;
        final CommandQueue commands = new CommandQueue();
        final ScanFeed feed = new ScanFeed();
        final EventStream.Reader events = feed.events().reader(true);
        final List<FurnaceEvent> seen = new ArrayList<>();
        RunRecorder recorder;
        ScanSnapshot last;
        boolean started;

        Rig() {
            RecipeFiles.Loaded loaded = RecipeFiles.parse(RECIPE, "relay-tune.yaml");
            this.profile = loaded.profile();
            this.recipe = loaded.recipe();
        }

        void submit(Command command) {
            commands.submit(command, ENGINEER, "relay test of the seed loop");
        }

        /** Scans until the step after {@code untilStep} starts, or the run ends; {@code each} sees every scan. */
        void run(String untilStep, BiConsumer<Long, ScanSnapshot> each) {
            double periodS = profile.scanPeriodS();
            SimulatedFurnace furnace = new SimulatedFurnace(FurnaceConfigs.shipped(profile.furnace()), 1L, periodS);
            IoList signals = IoList.fromClasspath().forFurnace(profile.furnace());
            recorder = new RunRecorder(recipe, List.of(), 3600.0, periodS, s -> (s.scan() - 1) * periodS,
                    feed.events().reader(true));
            feed.listen(recorder);
            InProcessLinks links = new InProcessLinks(furnace.signals());
            Instant time = Instant.parse("2026-01-05T06:00:00Z");
            Duration period = Duration.ofMillis(profile.scanPeriodMs());
            try (InProcessFurnaceIo io = new InProcessFurnaceIo(furnace, links)) {
                ScanCycle cycle = new ScanCycle(profile, recipe, signals, io, commands, feed);
                commands.submit(new Command.Start(), ENGINEER, "relay test");
                int untilIndex = stepIndex(untilStep);
                for (long scan = 0; scan < Math.round(40 * 3600 / periodS); scan++) {
                    links.advanceTo(scan * periodS);
                    last = cycle.step(time);
                    furnace.advance(periodS);
                    time = time.plus(period);
                    seen.addAll(events.poll());
                    if (last.run().finished() || last.run().stepIndex() > untilIndex) {
                        return;
                    }
                    each.accept(scan, last);
                }
            }
        }

        private int stepIndex(String name) {
            for (int i = 0; i < recipe.steps().size(); i++) {
                if (recipe.steps().get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(name);
        }

        StepSummary growth() {
            return recorder.stepSummaries().stream().filter(s -> s.name().equals("growth")).findFirst().orElseThrow();
        }

        List<TuningEvent> tuningEvents() {
            return seen.stream().filter(TuningEvent.class::isInstance).map(TuningEvent.class::cast).toList();
        }

        CommandEvent command(String action) {
            return seen.stream().filter(CommandEvent.class::isInstance).map(CommandEvent.class::cast)
                    .filter(c -> c.command().action().equals(action)).findFirst().orElseThrow(() ->
                            new AssertionError("no " + action + " among " + seen.size() + " events"));
        }
    }
}
