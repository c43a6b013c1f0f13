package com.sicfurnace.controller.virtual;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.InterlockMatrix;
import com.sicfurnace.controller.safety.InterlockRule;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.simulator.fault.FaultScript;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row of the interlock matrix (docs/safety.md) acts as the matrix says in a fault scenario in virtual time. Each
 * row has a simulator fault that really produces its cause: the emergency stop pressed, the lid opened, a cooling
 * circuit's water failing, the chiller stopping, the supply tripping, the gauge controller or the PLC out of reach, a
 * pyrometer failing, the seed pyrometer drifting low until the seed loop overheats the crucible, the argon MFC stuck
 * open with the roughing pump tripped. They run in the short run (scenarios/short-run.yaml) or, where the pyrometers
 * must read, in the crash tests' soak (recipes/journal-soak.yaml), and summary.json and every scan prove:
 * <ul>
 *   <li>the row acts its delay after its cause first shows in the inputs (within a scan) as the first-out, raises
 *       INTERLOCK_&lt;ROW&gt; in that scan and holds the run from then on, the programmer standing still;</li>
 *   <li>a hard trip switches the heater off; a soft trip ramps it down at no more than the profile's rate, never
 *       up, then switches it off; a hold leaves it on; the rows that say so make its command follow the measured
 *       power;</li>
 *   <li>the rows that close the gas close it, the others leave it as the held programme has it;</li>
 *   <li>the run ends held for an operator's reset, or after a communication loss resumes by itself.</li>
 * </ul>
 * The effects are read from {@link InterlockMatrix}, which SafetyDocumentTest holds equal to docs/safety.md; the causes
 * and delays are restated here from the matrix. A row without a scenario fails.
 */
class InterlockRowScenarioTest {
    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final Path SCENARIOS = RESOURCES.resolve("scenarios");
    private static final RecipeFiles.Loaded SHORT_RUN = RecipeFiles.load(SCENARIOS.resolve("short-run.yaml"));
    /** Power mode until the seed pyrometer reads, then the seed loop in temperature mode: what the hot rows need. */
    private static final RecipeFiles.Loaded HOT_SOAK = RecipeFiles.load(RESOURCES.resolve("recipes/journal-soak.yaml"));
    /** Long enough after a run's end for a soft trip to ramp the hot soak's 12 kW down at 60 kW/h. */
    private static final double WATCH_AFTER_END_S = 900.0;
    private static final double EPSILON = 1e-6;
    private static final double KW_EPSILON = 1e-9;
    private static final Signal[] INPUTS = Arrays.stream(Signal.values()).filter(Signal::isInput)
            .toArray(Signal[]::new);
    private static final Map<InterlockId, RowScenario> SCENARIOS_BY_ROW = scenarios();

    /** When a row's cause shows: in the scan of the script's first fault or the next, or later as it develops. */
    private enum Onset { WITH_THE_FAULT, DEVELOPS }

    /** A row's cause as the matrix states it, judged on one scan's inputs and heater command. */
    private interface Cause {
        boolean standsIn(ScanSnapshot scan, FurnaceProfile.Interlocks limits);
    }

    /** The fault script that causes a row, the recipe and step it hits, and the row's cause and delay. */
    private record RowScenario(RecipeFiles.Loaded recipe, String script, String step, Onset onset,
                               ToDoubleFunction<FurnaceProfile> delayS, Cause cause) {
    }

    private static Map<InterlockId, RowScenario> scenarios() {
        ToDoubleFunction<FurnaceProfile> none = p -> 0.0;
        ToDoubleFunction<FurnaceProfile> waterDebounce = p -> p.interlocks().waterDebounceS();
        Map<InterlockId, RowScenario> rows = new EnumMap<>(InterlockId.class);
        rows.put(InterlockId.EMERGENCY_STOP, new RowScenario(SHORT_RUN, "emergency-stop.yaml", "soak",
                Onset.WITH_THE_FAULT, none, (s, limits) -> !knownOff(s, Signal.ESTOP_ACTIVE)));
        rows.put(InterlockId.DOOR_OPEN, new RowScenario(SHORT_RUN, "lid-open.yaml", "soak", Onset.WITH_THE_FAULT,
                none, (s, limits) -> !knownOn(s, Signal.LID_CLOSED) || !knownOn(s, Signal.CABINET_DOOR_CLOSED)));
        rows.put(InterlockId.COIL_WATER_LOW, new RowScenario(SHORT_RUN, "coil-water-low.yaml", "soak",
                Onset.WITH_THE_FAULT, waterDebounce,
                (s, limits) -> below(s, Signal.WATER_COIL_FLOW_LPM, limits.minCoilWaterLpm())));
        rows.put(InterlockId.CHAMBER_WATER_LOW, new RowScenario(SHORT_RUN, "chamber-water-low.yaml", "soak",
                Onset.WITH_THE_FAULT, waterDebounce,
                (s, limits) -> below(s, Signal.WATER_CHAMBER_FLOW_LPM, limits.minChamberWaterLpm())));
        rows.put(InterlockId.SUPPLY_WATER_LOW, new RowScenario(SHORT_RUN, "supply-water-low.yaml", "soak",
                Onset.WITH_THE_FAULT, waterDebounce,
                (s, limits) -> below(s, Signal.WATER_PS_FLOW_LPM, limits.minSupplyWaterLpm())));
        rows.put(InterlockId.OVER_TEMPERATURE, new RowScenario(HOT_SOAK, "seed-pyrometer-drifts-low.yaml", "soak",
                Onset.DEVELOPS, none, (s, limits) -> tooHot(s, Signal.PYRO_TOP_C, limits)
                        || tooHot(s, Signal.PYRO_BOTTOM_C, limits)));
        rows.put(InterlockId.OVER_PRESSURE, new RowScenario(SHORT_RUN, "argon-stuck-pump-tripped.yaml", "backfill",
                Onset.DEVELOPS, none, (s, limits) -> s.loops().pressureMbar() > limits.overPressureMbar()));
        rows.put(InterlockId.PRESSURE_UNKNOWN_WITH_GAS, new RowScenario(SHORT_RUN, "gauges-silent-20s.yaml", "soak",
                Onset.WITH_THE_FAULT, p -> p.interlocks().pressureUnknownDelayS(),
                (s, limits) -> Double.isNaN(s.loops().pressureMbar()) && gasCommanded(s)));
        rows.put(InterlockId.PYROMETER_FAILURE, new RowScenario(HOT_SOAK, "seed-pyrometer-fails.yaml", "heat",
                Onset.WITH_THE_FAULT, none, (s, limits) -> (!known(s, Signal.PYRO_TOP_C)
                        || !known(s, Signal.PYRO_BOTTOM_C))
                        && s.value(Signal.PS1_POWER_SP_KW) > limits.pyrometerFailurePowerKw()));
        rows.put(InterlockId.CHILLER_STOPPED, new RowScenario(SHORT_RUN, "chiller-fail.yaml", "soak",
                Onset.WITH_THE_FAULT, p -> p.interlocks().chillerDelayS(),
                (s, limits) -> !knownOn(s, Signal.CHILLER_RUNNING)));
        // the PLC trips its watchdog while out of reach; the controller sees it when the PLC answers again
        rows.put(InterlockId.PLC_WATCHDOG, new RowScenario(SHORT_RUN, "opcua-restart.yaml", "heat-up",
                Onset.DEVELOPS, none, (s, limits) -> knownOn(s, Signal.PLC_WATCHDOG_TRIPPED)));
        rows.put(InterlockId.HEATER_NOT_FOLLOWING, new RowScenario(SHORT_RUN, "supply-trip.yaml", "heat-up",
                Onset.WITH_THE_FAULT, p -> p.interlocks().heaterFollowDelayS(),
                InterlockRowScenarioTest::heaterNotFollowing));
        rows.put(InterlockId.COMM_LOSS, new RowScenario(SHORT_RUN, "gauges-silent.yaml", "soak", Onset.WITH_THE_FAULT,
                p -> p.comm().staleScans() * p.scanPeriodS(), (s, limits) -> anyInputStale(s)));
        return rows;
    }

    @Test
    void everyRowOfTheMatrixHasAFaultScenario() {
        List<InterlockId> without = InterlockMatrix.rules().stream().map(InterlockRule::id)
                .filter(row -> !SCENARIOS_BY_ROW.containsKey(row)).toList();
        assertEquals(List.of(), without, "rows without a virtual-time fault scenario");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(InterlockId.class)
    void theRowActsAsTheMatrixSaysInItsFaultScenario(InterlockId row) {
        RowScenario scenario = SCENARIOS_BY_ROW.get(row);
        assertNotNull(scenario, row.label() + " has no virtual-time fault scenario");
        // the heading names the row in a failure, which the test report only numbers
        assertAll(row.label(), () -> judge(row, scenario));
    }

    private static void judge(InterlockId row, RowScenario scenario) throws IOException {
        InterlockRule rule = InterlockMatrix.rule(row);
        FurnaceProfile profile = scenario.recipe().profile();
        Observed run = run(row, scenario);

        assertTheFaultsHitTheirStep(run, scenario);
        int latch = assertActedItsDelayAfterItsCauseAsFirstOut(run, row, scenario, profile);
        assertRaisedItsAlarmAndHeldTheRun(run, row, latch);
        assertTheProgrammerStoodStill(run.trace(), latch);
        switch (rule.effect()) {
            case HARD_TRIP -> assertHeaterOff(run.trace(), latch);
            case SOFT_TRIP -> assertHeaterRampedDownAtMostAtTheSoftTripRateThenOff(run.trace(), latch, profile);
            case HOLD -> assertHeaterLeftOn(run.trace(), latch);
        }
        if (rule.tracksHeater()) {
            assertHeaterCommandFollowsTheMeasuredPower(run.trace(), latch);
        }
        if (rule.closesGas()) {
            assertGasClosed(run.trace(), latch);
        } else {
            assertGasLeftAsItWas(run.trace(), latch);
        }
        if (rule.reset().latches()) {
            assertEndsHeldForAnOperator(run, latch);
        } else {
            assertResumedByItselfAndCompleted(run, latch, profile);
        }
    }

    private static void assertTheFaultsHitTheirStep(Observed run, RowScenario scenario) {
        List<RunSummary.AppliedFault> applied = run.summary().faults();
        assertEquals(run.faults().size(), applied.size(), "every fault applied: " + applied);
        for (RunSummary.AppliedFault fault : applied) {
            assertEquals(fault.atS(), fault.timeH() * 3600, EPSILON, "applied at its furnace time: " + fault);
        }
        assertEquals(scenario.step(), run.trace().at(run.firstFaultS()).step(), "the first fault hits its step");
    }

    /**
     * The row latches (comm_loss: becomes active) once, as the first-out, with no latching row before it; its
     * delay after the first scan that shows its cause, which no scan showed before the fault. Returns the latch's
     * scan.
     */
    private static int assertActedItsDelayAfterItsCauseAsFirstOut(Observed run, InterlockId row,
                                                                  RowScenario scenario, FurnaceProfile profile) {
        List<RunSummary.TripLatch> latches = run.summary().tripLatches();
        List<RunSummary.TripLatch> own = latches.stream().filter(t -> t.trip().equals(row.label())).toList();
        assertEquals(1, own.size(), "the row acted once: " + latches);
        RunSummary.TripLatch latch = own.get(0);
        assertTrue(latch.firstOut(), "first-out: " + latches);
        double latchS = latch.timeH() * 3600;
        List<String> latchingBefore = latches.stream().filter(t -> t != latch && t.timeH() * 3600 <= latchS + EPSILON)
                .filter(t -> InterlockMatrix.rule(InterlockId.of(t.trip())).reset().latches())
                .map(RunSummary.TripLatch::trip).toList();
        assertEquals(List.of(), latchingBefore, "no latching row before it");

        Trace trace = run.trace();
        int index = trace.indexAt(latchS);
        assertEquals(index, trace.firstIndex(Scan::rowActive), "the scans show the row active from the latch on");
        assertTrue(trace.before(run.firstFaultS()).noneMatch(Scan::cause), "no cause before the fault");
        int onset = trace.firstIndex(Scan::cause);
        double onsetS = trace.get(onset).timeS();
        if (scenario.onset() == Onset.WITH_THE_FAULT) {
            assertEquals(run.firstFaultS(), onsetS, profile.scanPeriodS() + EPSILON, "the cause shows with the fault");
        }
        double delayS = scenario.delayS().applyAsDouble(profile);
        // the first scan showing the cause counts towards the delay: acted within a scan of the delay
        assertEquals(delayS, latchS - onsetS, profile.scanPeriodS() + EPSILON,
                "acted " + (latchS - onsetS) + " s after its cause first showed at " + onsetS + " s");
        return index;
    }

    private static void assertRaisedItsAlarmAndHeldTheRun(Observed run, InterlockId row, int latch) {
        double latchS = run.trace().get(latch).timeS();
        RunSummary s = run.summary();
        String alarm = "INTERLOCK_" + row.name();
        assertTrue(s.alarmTransitions().stream().anyMatch(t -> t.alarm().equals(alarm)
                && t.transition().equals("raise") && Math.abs(t.timeH() * 3600 - latchS) < EPSILON),
                alarm + " raised at " + latchS + " s: " + s.alarmTransitions());
        HoldReason reason = row == InterlockId.COMM_LOSS ? HoldReason.COMM_LOSS : HoldReason.INTERLOCK;
        assertTrue(s.events().stream().anyMatch(e -> e.what().equals("held")
                && e.detail().endsWith(": " + reason.label()) && Math.abs(e.timeH() * 3600 - latchS) < EPSILON),
                "held for " + reason.label() + " at " + latchS + " s: " + s.events());
        assertTrue(run.trace().whileActive(latch).allMatch(scan -> scan.state() == RunState.HELD
                && scan.holdReason() == reason), "held for " + reason.label() + " while the row stands");
    }

    /** Held: the step timer and every setpoint the programmer gives stand where the hold found them. */
    private static void assertTheProgrammerStoodStill(Trace trace, int latch) {
        Programme held = trace.get(latch).programme();
        assertTrue(trace.whileActive(latch).allMatch(scan -> scan.programme().equals(held)),
                "the programmer stood still at " + held);
    }

    private static void assertHeaterOff(Trace trace, int latch) {
        assertTrue(trace.get(latch - 1).heaterEnabled(), "the heater was on");
        assertTrue(trace.from(latch).allMatch(Scan::heaterOff), "heater off from the latch on");
    }

    /** The ceiling starts at the last command before the trip and falls at the profile's rate; at zero, off. */
    private static void assertHeaterRampedDownAtMostAtTheSoftTripRateThenOff(Trace trace, int latch,
                                                                           FurnaceProfile profile) {
        double ratePerScanKw = profile.interlocks().softTripRateKwPerH() / 3600.0 * profile.scanPeriodS();
        double fromKw = trace.get(latch - 1).powerCommandKw();
        assertTrue(trace.get(latch - 1).heaterEnabled() && fromKw > 0, "the heater was on");
        for (int i = latch; i < trace.size(); i++) {
            double before = trace.get(i - 1).powerCommandKw();
            double now = trace.get(i).powerCommandKw();
            double ceiling = Math.max(0.0, fromKw - ratePerScanKw * (i - latch));
            assertTrue(now <= before + KW_EPSILON && before - now <= ratePerScanKw + KW_EPSILON
                    && now <= ceiling + KW_EPSILON, "at " + trace.get(i).timeS() + " s the command went from "
                    + before + " to " + now + " kW, the ceiling " + ceiling + " kW");
        }
        int off = latch + (int) Math.ceil(fromKw / ratePerScanKw) + 1;
        assertTrue(off < trace.size(), "watched until the ramp ends");
        assertTrue(trace.from(off).allMatch(Scan::heaterOff), "off once ramped down");
    }

    private static void assertHeaterLeftOn(Trace trace, int latch) {
        assertTrue(trace.get(latch - 1).heaterEnabled(), "the heater was on");
        assertTrue(trace.whileActive(latch).allMatch(Scan::heaterEnabled), "the heater stays on");
    }

    private static void assertHeaterCommandFollowsTheMeasuredPower(Trace trace, int latch) {
        assertTrue(trace.whileActive(latch).allMatch(s -> Math.abs(s.powerCommandKw() - s.powerMeasuredKw())
                <= KW_EPSILON), "the heater command follows the measured power");
    }

    private static void assertGasClosed(Trace trace, int latch) {
        Scan before = trace.get(latch - 1);
        assertTrue(before.argonSccm() > 0 && before.gasValveOpen(), "gas flowed: " + before);
        assertTrue(trace.whileActive(latch).allMatch(Scan::gasClosed), "MFC setpoints zero and the gas valve shut");
    }

    private static void assertGasLeftAsItWas(Trace trace, int latch) {
        boolean valveOpen = trace.get(latch - 1).gasValveOpen();
        double argonSccm = trace.get(latch).argonSccm();
        assertTrue(trace.whileActive(latch).allMatch(s -> s.gasValveOpen() == valveOpen
                && s.argonSccm() == argonSccm), "the gas left as the held programme has it");
    }

    private static void assertEndsHeldForAnOperator(Observed run, int latch) {
        RunSummary s = run.summary();
        assertFalse(s.completed());
        assertEquals("held", s.finalState());
        assertTrue(run.trace().last().rowActive(), "still latched: nobody reset it");
        double latchS = run.trace().get(latch).timeS();
        assertTrue(s.events().stream().noneMatch(e -> e.what().equals("resumed") && e.timeH() * 3600 > latchS),
                "no resume by itself: " + s.events());
    }

    private static void assertResumedByItselfAndCompleted(Observed run, int latch, FurnaceProfile profile) {
        RunSummary s = run.summary();
        double latchS = run.trace().get(latch).timeS();
        RunSummary.TimedEntry resumed = s.events().stream()
                .filter(e -> e.what().equals("resumed") && e.timeH() * 3600 > latchS).findFirst()
                .orElseThrow(() -> new AssertionError("not resumed: " + s.events()));
        assertTrue(resumed.timeH() * 3600 - latchS <= profile.comm().autoResumeWithinS(), "within the auto-resume");
        assertFalse(run.trace().last().rowActive(), "cleared itself");
        assertTrue(s.completed(), s.finalState());
    }

    // ---- the causes as the matrix states them ----

    private static boolean known(ScanSnapshot s, Signal signal) {
        return s.quality(signal) != Quality.BAD && !Double.isNaN(s.value(signal));
    }

    private static boolean knownOn(ScanSnapshot s, Signal signal) {
        return known(s, signal) && s.value(signal) != 0;
    }

    private static boolean knownOff(ScanSnapshot s, Signal signal) {
        return known(s, signal) && s.value(signal) == 0;
    }

    private static boolean below(ScanSnapshot s, Signal flow, double minimum) {
        return !known(s, flow) || s.value(flow) < minimum;
    }

    private static boolean tooHot(ScanSnapshot s, Signal pyrometer, FurnaceProfile.Interlocks limits) {
        return s.quality(pyrometer) == Quality.LIMIT_HIGH
                || (known(s, pyrometer) && s.value(pyrometer) >= limits.overTemperatureC());
    }

    private static boolean gasCommanded(ScanSnapshot s) {
        return s.loops().vacuumMode() == VacuumMode.PROCESS
                && (s.value(Signal.AR_FLOW_SP_SCCM) > 0 || s.value(Signal.N2_FLOW_SP_SCCM) > 0);
    }

    private static boolean heaterNotFollowing(ScanSnapshot s, FurnaceProfile.Interlocks limits) {
        double commandKw = s.value(Signal.PS1_POWER_SP_KW);
        double tolerance = Math.max(limits.heaterFollowToleranceKw(),
                limits.heaterFollowTolerancePct() / 100.0 * commandKw);
        return knownOn(s, Signal.HEATER_ENABLE) && s.quality(Signal.PS1_POWER_KW).usable()
                && Math.abs(s.value(Signal.PS1_POWER_KW) - commandKw) > tolerance;
    }

    private static boolean anyInputStale(ScanSnapshot s) {
        return Arrays.stream(INPUTS).anyMatch(signal -> s.quality(signal) == Quality.STALE);
    }

    // ---- the run and what it showed ----

    private static Observed run(InterlockId row, RowScenario scenario) throws IOException {
        FurnaceProfile profile = scenario.recipe().profile();
        List<FaultScript.Entry> faults = FaultScenario.load(SCENARIOS.resolve(scenario.script()), profile.furnace());
        Trace trace = new Trace(row, scenario.cause(), profile);
        VirtualRun.Options options = VirtualRun.Options.defaults().withFaults(faults).withListener(trace::onScan)
                .withAfterEndS(WATCH_AFTER_END_S);
        VirtualRun.Result result = VirtualRun.execute(scenario.recipe().recipe(), profile,
                FurnaceConfigs.shipped(profile.furnace()), options);
        return new Observed(result.summary(), trace, faults);
    }

    private record Observed(RunSummary summary, Trace trace, List<FaultScript.Entry> faults) {
        double firstFaultS() {
            return faults.get(0).atS();
        }
    }

    /** Where the programmer stands: its step timer and the setpoints it gives the loops. */
    private record Programme(double stepTimeS, double seedC, double sourceC, double pressureMbar, double powerKw) {
    }

    /** One scan as the judgement needs it: the row's cause and state, the run, the heater and the gas. */
    private record Scan(double timeS, String step, boolean cause, boolean rowActive, RunState state,
                        HoldReason holdReason, Programme programme, boolean heaterEnabled, boolean supplyEnabled,
                        double powerCommandKw, double powerMeasuredKw, double argonSccm, double nitrogenSccm,
                        boolean gasValveOpen) {
        boolean heaterOff() {
            return !heaterEnabled && !supplyEnabled && powerCommandKw == 0;
        }

        boolean gasClosed() {
            return argonSccm == 0 && nitrogenSccm == 0 && !gasValveOpen;
        }
    }

    /** Every scan of a run, from the first (furnace time 0), one scan period apart. */
    private static final class Trace {
        private final InterlockId row;
        private final Cause cause;
        private final FurnaceProfile profile;
        private final List<Scan> scans = new ArrayList<>();

        Trace(InterlockId row, Cause cause, FurnaceProfile profile) {
            this.row = row;
            this.cause = cause;
            this.profile = profile;
        }

        void onScan(ScanSnapshot s) {
            Programme programme = new Programme(s.run().stepTimeS(), s.loops().seedSetpointC(),
                    s.loops().sourceSetpointC(), s.loops().pressureSetpointMbar(), s.loops().powerSetpointKw());
            scans.add(new Scan((s.scan() - 1) * profile.scanPeriodS(), s.run().stepName(),
                    cause.standsIn(s, profile.interlocks()), s.safety().active().contains(row), s.run().state(),
                    s.run().holdReason(), programme, s.value(Signal.HEATER_ENABLE) != 0,
                    s.value(Signal.PS1_OUTPUT_ENABLE) != 0, s.value(Signal.PS1_POWER_SP_KW),
                    s.value(Signal.PS1_POWER_KW), s.value(Signal.AR_FLOW_SP_SCCM), s.value(Signal.N2_FLOW_SP_SCCM),
                    s.value(Signal.GAS_VALVE_OPEN_CMD) != 0));
        }

        Scan get(int index) {
            return scans.get(index);
        }

        Scan at(double timeS) {
            return scans.get(indexAt(timeS));
        }

        int indexAt(double timeS) {
            return (int) Math.round(timeS / profile.scanPeriodS());
        }

        int size() {
            return scans.size();
        }

        Scan last() {
            return scans.get(scans.size() - 1);
        }

        int firstIndex(Predicate<Scan> condition) {
            for (int i = 0; i < scans.size(); i++) {
                if (condition.test(scans.get(i))) {
                    return i;
                }
            }
            throw new AssertionError("no scan where it holds");
        }

        Stream<Scan> before(double timeS) {
            return scans.subList(0, indexAt(timeS)).stream();
        }

        Stream<Scan> from(int index) {
            return scans.subList(index, scans.size()).stream();
        }

        /** The scans from {@code index} on while the row stands. */
        Stream<Scan> whileActive(int index) {
            return from(index).takeWhile(Scan::rowActive);
        }
    }
}
