package com.sicfurnace.controller.vacuum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.IoList;
import org.junit.jupiter.api.Test;

class VacuumSequencerTest {
    private final FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
    private final VacuumSequencer sequencer = new VacuumSequencer(profile.vacuum());
    private final ProcessImage in = new ProcessImage(IoList.fromClasspath().forFurnace("6inch"));
    private final OutputImage out = new OutputImage();

    private void set(Signal s, double v) {
        in.update(s, v, Quality.GOOD);
    }

    @Test
    void highVacuumRoughsFirstAndOpensTheGateOnlyWithTheTurboAtSpeedBelowCrossover() {
        set(Signal.TURBO_PUMP_AT_SPEED, 0);
        sequencer.command(VacuumMode.HIGH_VACUUM, in, 0.1, out);
        assertTrue(out.isOn(Signal.ROUGHING_VALVE_OPEN_CMD));
        assertFalse(out.isOn(Signal.GATE_VALVE_OPEN_CMD), "turbo not at speed");
        assertTrue(out.isOn(Signal.TURBO_PUMP_RUN_CMD));
        set(Signal.TURBO_PUMP_AT_SPEED, 1);
        sequencer.command(VacuumMode.HIGH_VACUUM, in, 5.0, out);
        assertFalse(out.isOn(Signal.GATE_VALVE_OPEN_CMD), "chamber above crossover");
        sequencer.command(VacuumMode.HIGH_VACUUM, in, 0.1, out);
        assertTrue(out.isOn(Signal.GATE_VALVE_OPEN_CMD));
        assertTrue(out.isOn(Signal.ROUGHING_VALVE_OPEN_CMD), "keeps roughing until the gate is really open");
        set(Signal.GATE_VALVE_OPEN, 1);
        sequencer.command(VacuumMode.HIGH_VACUUM, in, 1e-4, out);
        assertFalse(out.isOn(Signal.ROUGHING_VALVE_OPEN_CMD));
        sequencer.command(VacuumMode.HIGH_VACUUM, in, 0.5, out);
        assertTrue(out.isOn(Signal.GATE_VALVE_OPEN_CMD), "an outgassing burst below the turbo's limit keeps it open");
        sequencer.command(VacuumMode.HIGH_VACUUM, in, 2.0, out);
        assertFalse(out.isOn(Signal.GATE_VALVE_OPEN_CMD), "closed above what the turbo tolerates");
        assertFalse(out.isOn(Signal.GAS_VALVE_OPEN_CMD));
    }

    @Test
    void ventOpensOnlyWithTheChamberIsolatedAndTheTurboSlowedDown() {
        set(Signal.GATE_VALVE_OPEN, 0);
        set(Signal.ROUGHING_VALVE_OPEN, 0);
        set(Signal.TURBO_PUMP_SPEED_PCT, 80);
        sequencer.command(VacuumMode.VENT, in, 1e-4, out);
        assertFalse(out.isOn(Signal.VENT_VALVE_OPEN_CMD), "turbo still fast");
        assertFalse(out.isOn(Signal.TURBO_PUMP_RUN_CMD));
        set(Signal.TURBO_PUMP_SPEED_PCT, 10);
        set(Signal.GATE_VALVE_OPEN, 1);
        sequencer.command(VacuumMode.VENT, in, 1e-4, out);
        assertFalse(out.isOn(Signal.VENT_VALVE_OPEN_CMD), "gate still open");
        set(Signal.GATE_VALVE_OPEN, 0);
        sequencer.command(VacuumMode.VENT, in, 1e-4, out);
        assertTrue(out.isOn(Signal.VENT_VALVE_OPEN_CMD));
    }

    @Test
    void processModeLetsGasInAndLeavesTheThrottleToThePressureLoop() {
        sequencer.command(VacuumMode.PROCESS, in, 20, out);
        assertTrue(sequencer.throttleControlled());
        assertTrue(out.isOn(Signal.GAS_VALVE_OPEN_CMD));
        assertTrue(out.isOn(Signal.ROUGHING_VALVE_OPEN_CMD));
        assertFalse(out.isOn(Signal.GATE_VALVE_OPEN_CMD));
        sequencer.command(VacuumMode.ISOLATED, in, 20, out);
        assertFalse(sequencer.throttleControlled());
        assertFalse(out.isOn(Signal.GAS_VALVE_OPEN_CMD));
        assertFalse(out.isOn(Signal.ROUGHING_VALVE_OPEN_CMD));
        assertEquals(0.0, out.value(Signal.THROTTLE_VALVE_SP_PCT));
    }

    @Test
    void chamberPressureComesFromTheGaugeThatIsAccurateThere() {
        ChamberPressure pressure = new ChamberPressure(profile.vacuum());
        set(Signal.CDG_PRESSURE_MBAR, 20.0);
        set(Signal.PIRANI_PRESSURE_MBAR, 18.0);
        set(Signal.ION_GAUGE_PRESSURE_MBAR, 0.01);
        set(Signal.ION_GAUGE_ON, 0);
        pressure.update(in);
        assertEquals(Signal.CDG_PRESSURE_MBAR, pressure.source());
        set(Signal.CDG_PRESSURE_MBAR, 0.01);
        set(Signal.PIRANI_PRESSURE_MBAR, 2e-3);
        pressure.update(in);
        assertEquals(Signal.PIRANI_PRESSURE_MBAR, pressure.source());
        set(Signal.PIRANI_PRESSURE_MBAR, 5e-4);
        set(Signal.ION_GAUGE_ON, 1);
        set(Signal.ION_GAUGE_PRESSURE_MBAR, 3e-5);
        pressure.update(in);
        assertEquals(Signal.ION_GAUGE_PRESSURE_MBAR, pressure.source());
        assertEquals(3e-5, pressure.mbar());
        in.update(Signal.ION_GAUGE_PRESSURE_MBAR, 3e-5, Quality.STALE);
        in.update(Signal.PIRANI_PRESSURE_MBAR, 5e-4, Quality.BAD);
        in.update(Signal.CDG_PRESSURE_MBAR, 0.01, Quality.BAD);
        pressure.update(in);
        assertFalse(pressure.usable(), "no gauge can read the chamber");
    }
}
