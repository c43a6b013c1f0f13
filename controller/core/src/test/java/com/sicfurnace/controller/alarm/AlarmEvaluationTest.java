package com.sicfurnace.controller.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The data-driven conditions: limits with deadbands, deviation, rate of change, discrete, communication, masking. */
class AlarmEvaluationTest {
    private static final Set<String> DEVICES = Set.of("plc", "chiller");
    private final EventLog log = new EventLog();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Inputs in = new Inputs();
    private Alarms alarms;
    private ProcessAlarms process;
    private double now;

    /** Inputs a test sets by hand. */
    private static final class Inputs implements AlarmInputs {
        final Map<Signal, Double> values = new EnumMap<>(Signal.class);
        final Map<Signal, Quality> qualities = new EnumMap<>(Signal.class);
        final Map<ControllerValue, Double> controller = new EnumMap<>(ControllerValue.class);
        final Set<String> lost = new HashSet<>();

        void set(Signal s, double v) {
            values.put(s, v);
            qualities.put(s, Quality.GOOD);
        }

        @Override
        public double value(Signal signal) {
            return values.getOrDefault(signal, 0.0);
        }

        @Override
        public Quality quality(Signal signal) {
            return qualities.getOrDefault(signal, Quality.GOOD);
        }

        @Override
        public double value(ControllerValue value) {
            return controller.getOrDefault(value, Double.NaN);
        }

        @Override
        public boolean deviceLost(String device) {
            return lost.contains(device);
        }
    }

    private void define(AlarmDefinition... definitions) {
        List<AlarmDefinition> all = new ArrayList<>(List.of(Definitions.comm("COMM_PLC", "plc"),
                Definitions.comm("COMM_CHILLER", "chiller")));
        all.addAll(List.of(definitions));
        alarms = new Alarms(log, AlarmSettings.DEFAULT, all);
        process = new ProcessAlarms(alarms, Signal::isInput, DEVICES);
    }

    /** One scan, 100 ms after the last, in the given operating states. */
    private void scan(int operating) {
        now += 0.1;
        log.setTime(t0.plusMillis(Math.round(now * 1000)));
        process.evaluate(in, operating, 0.1);
        alarms.endScan();
    }

    private AlarmState state(String id) {
        return alarms.state(new AlarmId(id));
    }

    @Test
    void aHighLimitRaisesAboveItsLimitAndClearsOnlyBelowItsDeadband() {
        define(Definitions.high("HOT", "tc_chamber_wall_c", 60, 2, 0));
        in.set(Signal.TC_CHAMBER_WALL_C, 60.0);
        scan(0);
        assertEquals(AlarmState.NORMAL, state("HOT"), "at the limit: not above it");
        in.set(Signal.TC_CHAMBER_WALL_C, 60.5);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("HOT"));
        in.set(Signal.TC_CHAMBER_WALL_C, 58.5);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("HOT"), "within the 2 K deadband");
        in.set(Signal.TC_CHAMBER_WALL_C, 57.9);
        scan(0);
        assertEquals(AlarmState.UNACK_RTN, state("HOT"));
        AlarmEvent raised = (AlarmEvent) log.drain().get(0);
        assertEquals("tc_chamber_wall_c 60.50 °C, high limit 60.00", raised.detail());
    }

    @Test
    void aLowLimitMirrorsIt() {
        define(Definitions.low("FLOW", "water_coil_flow_lpm", 20, 1));
        in.set(Signal.WATER_COIL_FLOW_LPM, 19.9);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("FLOW"));
        in.set(Signal.WATER_COIL_FLOW_LPM, 20.9);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("FLOW"));
        in.set(Signal.WATER_COIL_FLOW_LPM, 21.1);
        scan(0);
        assertEquals(AlarmState.UNACK_RTN, state("FLOW"));
    }

    @Test
    void aDeviationNeedsItsLoopInControlAndMayBeRelative() {
        define(Definitions.deviation("SEED_DEV", "pyro_top_c", "seed_sp_c", 5, false, OperatingState.RAMPING),
                Definitions.deviation("P_DEV", "pressure_mbar", "pressure_sp_mbar", 5, true));
        in.set(Signal.PYRO_TOP_C, 1600.0);
        in.controller.put(ControllerValue.PRESSURE_MBAR, 320.0);
        scan(0);
        assertEquals(AlarmState.NORMAL, state("SEED_DEV"), "no setpoint: the loop does not control");
        assertEquals(AlarmState.NORMAL, state("P_DEV"));
        in.controller.put(ControllerValue.SEED_SP_C, 1594.0);
        in.controller.put(ControllerValue.PRESSURE_SP_MBAR, 300.0);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("SEED_DEV"), "6 K off");
        assertEquals(AlarmState.UNACK_ACTIVE, state("P_DEV"), "6.7 % off");
        in.controller.put(ControllerValue.SEED_SP_C, 1610.0);
        scan(OperatingState.RAMPING.bit());
        assertEquals(AlarmState.SUPPRESSED, state("SEED_DEV"), "deviation while ramping is by design");
        in.controller.put(ControllerValue.PRESSURE_MBAR, 314.0);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("SEED_DEV"), "10 K off once the ramp ends");
        assertEquals(AlarmState.UNACK_RTN, state("P_DEV"), "4.7 %");
    }

    @Test
    void aRateOfChangeAlarmWatchesTheFilteredRatePerMinute() {
        define(Definitions.rate("FAST", "pyro_top_c", 15, 10));
        double seed = 1500.0;
        for (int i = 0; i < 600; i++) { // 10 °C/min for a minute
            seed += 10.0 / 600;
            in.set(Signal.PYRO_TOP_C, seed);
            scan(0);
        }
        assertEquals(AlarmState.NORMAL, state("FAST"));
        for (int i = 0; i < 100; i++) { // 20 °C/min: the 10 s filter follows within a few time constants
            seed += 20.0 / 600;
            in.set(Signal.PYRO_TOP_C, seed);
            scan(0);
        }
        assertEquals(AlarmState.UNACK_ACTIVE, state("FAST"));
    }

    @Test
    void aSingleSpikeDoesNotRaiseARateAlarm() {
        define(Definitions.rate("FAST", "pyro_top_c", 15, 60));
        in.set(Signal.PYRO_TOP_C, 1500.0);
        scan(0);
        in.set(Signal.PYRO_TOP_C, 1500.2);
        scan(0);
        in.set(Signal.PYRO_TOP_C, 1500.0);
        scan(0);
        assertEquals(AlarmState.NORMAL, state("FAST"), "0.2 K noise over one scan is no trend");
    }

    @Test
    void discreteAlarmsWatchOnOffOrAFailedSensor() {
        define(Definitions.discrete("CHILLER", "chiller_running", AlarmDefinition.When.OFF),
                Definitions.discrete("PYRO", "pyro_top_c", AlarmDefinition.When.BAD));
        in.set(Signal.CHILLER_RUNNING, 1.0);
        in.set(Signal.PYRO_TOP_C, 1500.0);
        scan(0);
        assertEquals(AlarmState.NORMAL, state("CHILLER"));
        in.set(Signal.CHILLER_RUNNING, 0.0);
        in.qualities.put(Signal.PYRO_TOP_C, Quality.BAD);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("CHILLER"));
        assertEquals(AlarmState.UNACK_ACTIVE, state("PYRO"));
        in.qualities.put(Signal.PYRO_TOP_C, Quality.LIMIT_LOW);
        scan(0);
        assertEquals(AlarmState.UNACK_RTN, state("PYRO"), "below range is not a failure");
    }

    @Test
    void aLostDeviceMasksTheProcessAlarmsOfItsInputs() {
        define(Definitions.high("HOT", "tc_chamber_wall_c", 60, 0, 0),
                Definitions.discrete("CHILLER", "chiller_running", AlarmDefinition.When.OFF));
        in.set(Signal.TC_CHAMBER_WALL_C, 70.0);
        in.set(Signal.CHILLER_RUNNING, 1.0);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("HOT"));
        in.lost.add("plc");
        in.qualities.put(Signal.TC_CHAMBER_WALL_C, Quality.STALE);
        in.values.put(Signal.TC_CHAMBER_WALL_C, 20.0);
        in.qualities.put(Signal.CHILLER_RUNNING, Quality.STALE);
        in.values.put(Signal.CHILLER_RUNNING, 0.0);
        scan(0);
        assertEquals(AlarmState.UNACK_ACTIVE, state("COMM_PLC"));
        assertEquals(AlarmState.UNACK_ACTIVE, state("HOT"), "no return on stale data");
        assertEquals(AlarmState.NORMAL, state("CHILLER"), "no raise on stale data");
        in.lost.clear();
        in.set(Signal.TC_CHAMBER_WALL_C, 20.0);
        scan(0);
        assertEquals(AlarmState.UNACK_RTN, state("HOT"), "returns on fresh data");
        assertEquals(AlarmState.UNACK_RTN, state("COMM_PLC"));
    }

    @Test
    void definitionsMustNameWhatTheFurnaceHas() {
        assertThrows(IllegalArgumentException.class, () -> define(Definitions.high("H", "no_such_signal", 1, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> define(Definitions.high("H", "heater_enable", 1, 0, 0)),
                "an output is no alarm input");
        assertThrows(IllegalArgumentException.class, () -> define(Definitions.comm("C", "ps9")), "no such device");
        alarms = new Alarms(log, AlarmSettings.DEFAULT, List.of(Definitions.comm("COMM_PLC", "plc")));
        IllegalArgumentException uncovered = assertThrows(IllegalArgumentException.class,
                () -> new ProcessAlarms(alarms, Signal::isInput, DEVICES));
        assertTrue(uncovered.getMessage().contains("[chiller]"), uncovered.getMessage());
    }
}
