package com.sicfurnace.controller.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.io.inprocess.InProcessLinks;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.fault.FaultScript;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault scenarios in virtual time: the short run (test resources, two furnace hours, a second of wall time) with the
 * simulator's fault scripts, judged by summary.json and by the scans' snapshots. These prove the interlocks and the
 * communication policy over whole runs.
 */
class FaultScenarioTest {
    private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
    private static final Path RECIPE = SCENARIOS.resolve("short-run.yaml");
    private static final double EPSILON_S = 1e-6;
    private static final RecipeFiles.Loaded LOADED = RecipeFiles.load(RECIPE);
    private static final FurnaceProfile PROFILE = LOADED.profile();
    private static final double SCAN_S = PROFILE.scanPeriodS();

    @TempDir
    Path dir;

    /** The scenarios' effects come from their faults: without one the run completes with nothing stale, no alarm. */
    @Test
    void withoutFaultsTheShortRunCompletesWithNothingStaleAndNoAlarm() {
        Staleness stale = new Staleness();
        VirtualRun.Result result = run(List.of(), stale);
        RunSummary s = result.summary();
        assertTrue(s.completed(), s.finalState());
        assertEquals(0, result.refusedWrites(), "the furnace took every write");
        assertEquals(List.of(), s.alarmTransitions().stream().filter(t -> t.transition().equals("raise")).toList(),
                "no alarm raised (deviation alarms are suppressed by design while waiting)");
        assertEquals(List.of(), s.faults());
        assertEquals(Set.of(), stale.devicesEverStale());
        assertEquals(0.0, stale.last.value(Signal.PLC_WATCHDOG_TRIPPED), "the PLC always saw the heartbeat");
    }

    @Test
    void coilWaterDroppedTo30PercentInTheSoakTripsTheHeaterWithinTheDebounceAndTheRunEndsHeldByInterlock()
            throws IOException {
        Path out = dir.resolve("coil");
        StringWriter console = new StringWriter();
        int exit = VirtualMain.commandLine().setOut(new PrintWriter(console)).setErr(new PrintWriter(console))
                .execute("virtual-run", RECIPE.toString(), out.toString(), "--faults",
                        SCENARIOS.resolve("coil-water-low.yaml").toString());
        assertEquals(1, exit, "a run held by a trip did not complete: " + console);
        RunSummary s = ReportFiles.readSummary(out);
        assertFalse(s.completed());
        assertEquals("held", s.finalState());

        assertEquals(1, s.faults().size(), "faults " + s.faults());
        RunSummary.AppliedFault fault = s.faults().get(0);
        assertEquals(Map.of("fault", "water-flow", "circuit", "coil", "fraction", 0.3), fault.fault());
        assertEquals(4200.0, fault.atS());
        assertEquals(4200.0, fault.timeH() * 3600, EPSILON_S, "applied at its furnace time");
        assertTrue(startedBefore(s, "soak", 4200.0), "the fault hits the soak: " + s.events());

        assertEquals(1, s.tripLatches().size(), "trips " + s.tripLatches());
        RunSummary.TripLatch trip = s.tripLatches().get(0);
        assertEquals("coil_water_low", trip.trip());
        assertTrue(trip.firstOut());
        double debounceS = PROFILE.interlocks().waterDebounceS();
        double afterS = trip.timeH() * 3600 - 4200.0;
        // the first low reading counts towards the debounce; latched no later than a scan after it has run out
        assertTrue(afterS >= debounceS - SCAN_S - EPSILON_S && afterS <= debounceS + SCAN_S + EPSILON_S,
                "latched " + afterS + " s after the fault, debounce " + debounceS + " s");
        assertEquals(1, s.interlockTrips());

        RunSummary.TimedEntry held = only(s.events(), "held");
        assertTrue(held.detail().endsWith(": interlock"), held.detail());
        assertTrue(held.timeH() >= trip.timeH(), "held by the trip");
        assertTrue(raised(s, "RUN_HELD_BY_INTERLOCK"));
        assertTrue(raised(s, "INTERLOCK_COIL_WATER_LOW"));
    }

    @Test
    void gaugeControllerSilentFor6sUnderPressureControlStalesOnlyTheGaugesHoldsForCommLossAndResumes()
            throws IOException {
        Staleness stale = new Staleness();
        VirtualRun.Result result = run(scenario("gauges-silent.yaml"), stale);
        RunSummary s = result.summary();
        assertEquals(Set.of("gauges"), stale.devicesEverStale(), "only the gauge controller's signals went stale");
        assertTrue(stale.throttleAlwaysValid, "the throttle kept a valid command throughout");
        assertEquals(0, result.refusedWrites(), "no write the furnace refused");
        assertFalse(raised(s, "PRESSURE_DEVIATION"), "the chamber pressure held: " + s.alarmTransitions());
        assertEquals(stale.inputsOf("gauges"), stale.staleAt(4200.0), "every gauge input stale from the first scan");
        assertEquals(stale.inputsOf("gauges"), stale.staleAt(4205.9));
        assertEquals(Set.of(), stale.staleAt(4206.0), "fresh as soon as the unit answers");
        assertEquals(4200.0, stale.firstStaleS, EPSILON_S);
        assertEquals(4205.9, stale.lastStaleS, EPSILON_S);

        RunSummary.TimedEntry held = only(s.events(), "held");
        assertTrue(held.detail().endsWith(": comm_loss"), held.detail());
        assertTrue(startedBefore(s, "soak", held.timeH() * 3600), "held in the soak, under pressure control");
        int staleScans = PROFILE.comm().staleScans();
        assertEquals(4200.0 + (staleScans - 1) * SCAN_S, held.timeH() * 3600, EPSILON_S,
                "held on the scan the inputs had been stale for " + staleScans + " scans");
        RunSummary.TimedEntry resumed = only(s.events(), "resumed");
        assertEquals(4206.0, resumed.timeH() * 3600, SCAN_S + EPSILON_S, "resumed by itself once the unit answers");
        assertTrue(raised(s, "COMM_LOSS_GAUGES"));
        assertFalse(raised(s, "COMM_LOSS_PLC") || raised(s, "COMM_LOSS_SUPPLY") || raised(s, "COMM_LOSS_MFC")
                || raised(s, "COMM_LOSS_CHILLER"), "no other device lost: " + s.alarmTransitions());
        assertTrue(s.completed(), "the run went on to its end: " + s.finalState());
        assertEquals(2, s.faults().size());
    }

    @Test
    void opcUaRestartDuringTheHeatUpStalesThePlcSignalsForItsOutageAndThePlcWatchdogMissesTheHeartbeat()
            throws IOException {
        Staleness stale = new Staleness();
        VirtualRun.Result result = run(scenario("opcua-restart.yaml"), stale);
        RunSummary s = result.summary();
        assertEquals(0, result.refusedWrites(), "the writes held back while the PLC was away were taken after");
        assertTrue(startedBefore(s, "heat-up", 1800.0), "the restart hits the heat-up: " + s.events());
        assertEquals(Set.of("plc"), stale.devicesEverStale(), "only the PLC's signals went stale");
        assertEquals(stale.inputsOf("plc"), stale.staleAt(1800.0), "every PLC input stale from the restart");
        assertEquals(1800.0, stale.firstStaleS, EPSILON_S);
        assertEquals(1800.0 + InProcessLinks.OPCUA_RESTART_OUTAGE_S - SCAN_S, stale.lastStaleS, EPSILON_S,
                "stale for the restart's outage");

        List<RunSummary.TimedEntry> holds = s.events().stream().filter(e -> e.what().equals("held")).toList();
        assertEquals(2, holds.size(), "held for the loss, then for the watchdog: " + s.events());
        assertTrue(holds.get(0).detail().endsWith(": comm_loss"), holds.get(0).detail());
        assertTrue(holds.get(1).detail().endsWith(": interlock"), "the latched row outranks the loss");
        assertTrue(raised(s, "COMM_LOSS_PLC"));
        // as with the real server: no heartbeat write reached the PLC while it was out of reach, longer than its
        // watchdog's timeout, so the PLC tripped its watchdog and said so once it answered again
        assertTrue(FurnaceConfigs.shipped("6inch").plc().watchdogTimeoutS() < InProcessLinks.OPCUA_RESTART_OUTAGE_S);
        RunSummary.AlarmTransition watchdog = s.alarmTransitions().stream()
                .filter(t -> t.alarm().equals(AlarmId.INTERLOCK_PLC_WATCHDOG.name())).findFirst()
                .orElseThrow(() -> new AssertionError("the PLC's watchdog did not trip: " + s.alarmTransitions()));
        assertEquals("raise", watchdog.transition());
        assertEquals(1800.0 + InProcessLinks.OPCUA_RESTART_OUTAGE_S, watchdog.timeH() * 3600, SCAN_S + EPSILON_S,
                "seen as soon as the PLC answers");
        // the watchdog row holds the run for the operator's reset instead of letting it run on a limited heater
        RunSummary.TripLatch latch = s.tripLatches().stream().filter(t -> t.trip().equals("plc_watchdog"))
                .findFirst().orElseThrow(() -> new AssertionError("no plc_watchdog row: " + s.tripLatches()));
        assertTrue(latch.firstOut());
        assertEquals("held", s.finalState(), "waits for the operator's reset");
        assertTrue(s.events().stream().noneMatch(e -> e.what().equals("resumed")), "no resume by itself");
        assertTrue(stale.powerNeverRoseWhileHeld, "a held run's heater command never rose");
    }

    @Test
    void badFaultScriptsAreRefusedBeforeTheRunNamingFileEntryAndField() throws IOException {
        refused("unknown.yaml", "- at_s: 10\n  fault: meteor-strike\n",
                "unknown.yaml: entry 1: fault: unknown fault 'meteor-strike'; known: [");
        refused("fraction.yaml", """
                - at_s: 10
                  fault: chiller-fail
                - at_s: 20
                  fault: water-flow
                  circuit: coil
                  fraction: 1.5
                """, "fraction.yaml: entry 2: fault 'water-flow': fraction must lie in 0..1, not 1.5");
        refused("misspelt.yaml", "- at_s: 10\n  fault: lid-open\n  activ: false\n",
                "misspelt.yaml: entry 1: fault 'lid-open': unknown parameter 'activ'; it takes [active]");
        refused("order.yaml", """
                - at_s: 3600
                  fault: chiller-fail
                - at_s: 360
                  fault: chiller-fail
                  active: false
                """, "order.yaml: entry 2: at_s: 360.0 s comes before entry 1's 3600.0 s");
        refused("negative.yaml", "- at_s: -1\n  fault: chiller-fail\n",
                "negative.yaml: entry 1: at_s: must be a time from the start, 0 or more, not -1.0");
        refused("no-time.yaml", "- fault: chiller-fail\n", "no-time.yaml: entry 1: at_s: needs a number");
        // the 6-inch furnace has one supply: no unit 2 behind its gateway
        refused("unit.yaml", "- at_s: 10\n  fault: modbus-unit\n  unit: 2\n  mode: silent\n",
                "unit.yaml: entry 1: unit: the furnace has no Modbus unit 2; its units are [1, 3, 4, 5, 6]");
        refused("absent.yaml", null, "absent.yaml: no such file");
    }

    /** The example in docs/examples is checked like any script, so that the operations guide cannot rot. */
    @Test
    void theDocumentedExampleIsAValidScriptForTheSmokeRecipesFurnace() throws IOException {
        List<FaultScript.Entry> entries = FaultScenario.load(Path.of("..", "..", "docs", "examples",
                "faults-smoke.yaml"), "6inch");
        assertEquals(List.of("opcua", "modbus-unit", "modbus-unit", "water-flow"),
                entries.stream().map(e -> e.command().fault()).toList());
    }

    private void refused(String name, String content, String expected) throws IOException {
        Path file = dir.resolve(name);
        if (content != null) {
            Files.writeString(file, content);
        }
        Path out = dir.resolve("out-" + name);
        StringWriter err = new StringWriter();
        int exit = VirtualMain.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("virtual-run", RECIPE.toString(), out.toString(), "--faults", file.toString());
        assertEquals(2, exit, name + ": " + err);
        assertTrue(err.toString().contains(expected), name + ": " + err);
        assertFalse(Files.exists(out), "refused before the run: no report for " + name);
    }

    private static List<FaultScript.Entry> scenario(String name) throws IOException {
        return FaultScenario.load(SCENARIOS.resolve(name), PROFILE.furnace());
    }

    private static VirtualRun.Result run(List<FaultScript.Entry> faults, Staleness stale) {
        VirtualRun.Options options = VirtualRun.Options.defaults().withFaults(faults).withListener(stale::onScan);
        return VirtualRun.execute(LOADED.recipe(), PROFILE, FurnaceConfigs.shipped(PROFILE.furnace()), options);
    }

    private static boolean startedBefore(RunSummary s, String step, double timeS) {
        boolean inStep = false;
        for (RunSummary.TimedEntry e : s.events()) {
            if (e.timeH() * 3600 > timeS + EPSILON_S) {
                break;
            }
            if (e.detail().contains("'" + step + "'") && e.what().startsWith("step_")) {
                inStep = e.what().equals("step_started");
            }
        }
        return inStep;
    }

    private static RunSummary.TimedEntry only(List<RunSummary.TimedEntry> events, String what) {
        List<RunSummary.TimedEntry> found = events.stream().filter(e -> e.what().equals(what)).toList();
        assertEquals(1, found.size(), "one '" + what + "' event: " + events);
        return found.get(0);
    }

    private static boolean raised(RunSummary s, String alarm) {
        return s.alarmTransitions().stream().anyMatch(t -> t.alarm().equals(alarm) && t.transition().equals("raise"));
    }

    /** Watches every scan: which inputs are stale, when. */
    private static final class Staleness {
        private final List<SignalSpec> inputs = IoList.fromClasspath().forFurnace(PROFILE.furnace()).signals()
                .stream().filter(s -> s.direction() == Direction.IN).toList();
        private final List<Set<String>> staleByScan = new ArrayList<>();
        private final Set<String> devices = new TreeSet<>();
        private boolean throttleAlwaysValid = true;
        private boolean powerNeverRoseWhileHeld = true;
        private double heldPowerKw = Double.NaN;
        private double firstStaleS = Double.NaN;
        private double lastStaleS = Double.NaN;
        private ScanSnapshot last;

        void onScan(ScanSnapshot snapshot) {
            last = snapshot;
            double throttle = snapshot.value(Signal.THROTTLE_VALVE_SP_PCT);
            throttleAlwaysValid &= throttle >= 0 && throttle <= 100;
            double power = snapshot.value(Signal.PS1_POWER_SP_KW);
            if (snapshot.run().state() == RunState.HELD) {
                heldPowerKw = Double.isNaN(heldPowerKw) ? power : heldPowerKw;
                powerNeverRoseWhileHeld &= power <= heldPowerKw + 1e-9;
            } else {
                heldPowerKw = Double.NaN;
            }
            double timeS = (snapshot.scan() - 1) * SCAN_S;
            Set<String> stale = new TreeSet<>();
            for (SignalSpec input : inputs) {
                if (snapshot.quality(Signal.byIoName(input.name())) == Quality.STALE) {
                    stale.add(input.name());
                    devices.add(input.device());
                }
            }
            if (!stale.isEmpty()) {
                firstStaleS = Double.isNaN(firstStaleS) ? timeS : firstStaleS;
                lastStaleS = timeS;
            }
            staleByScan.add(stale);
        }

        Set<String> staleAt(double timeS) {
            return staleByScan.get((int) Math.round(timeS / SCAN_S));
        }

        Set<String> devicesEverStale() {
            return devices;
        }

        Set<String> inputsOf(String device) {
            return inputs.stream().filter(s -> s.device().equals(device)).map(SignalSpec::name)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
