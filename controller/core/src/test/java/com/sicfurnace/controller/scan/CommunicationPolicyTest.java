package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The documented communication policy: a device lost for the stale-scan limit puts the loops that need it into
 * their safe state (hold), raises its alarm and holds the run, without tripping the heater; the heater ramps
 * down only after the hold time; a short loss resumes by itself, a long one waits for the operator.
 */
class CommunicationPolicyTest {
    private final CoreRig rig = new CoreRig("6inch", growthSoak());
    private final FurnaceProfile profile = rig.profile;
    private final ProcessImage in = rig.in;
    private final OutputImage out = rig.out;

    private static Recipe growthSoak() {
        Targets targets = new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700), OptionalDouble.empty(),
                OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty());
        return new Recipe("t", "6inch", "", "t.yaml", Optional.empty(), List.of(new Step.Soak("growth", 1,
                new StepSettings(Optional.of(HeaterMode.TEMPERATURE), Optional.of(VacuumMode.PROCESS), targets,
                        Optional.empty()), Duration.ofHours(100))));
    }

    private void scans(int n, Runnable beforeEach) {
        rig.scans(n, beforeEach);
    }

    /** Every device answers: each input arrives fresh with its last value; the seed lags 100 K behind. */
    private void healthy(int n) {
        scans(n, () -> {
            for (Signal s : Signal.values()) {
                if (s.isInput() && in.present(s) && !Double.isNaN(in.value(s))) {
                    in.update(s, in.value(s), Quality.GOOD);
                }
            }
            HealthyFurnace.set(in, Signal.PYRO_TOP_C, 1500.0);
        });
    }

    /** The OPC UA side is down: every PLC input stale, the last values kept. */
    private void plcLost(int n) {
        scans(n, () -> {
            for (Signal s : Signal.values()) {
                if (s.isInput() && "plc".equals(in.device(s)) && !Double.isNaN(in.value(s))) {
                    in.markStale(s);
                }
            }
        });
    }

    private boolean raised(List<AlarmEvent> events, AlarmId id) {
        return events.stream().anyMatch(e -> e.alarm().equals(id) && e.state() == AlarmState.UNACK_ACTIVE);
    }

    @Test
    void aLostPlcHoldsTheLoopsAndTheRunWithinThreeScansWithoutATrip() {
        rig.startRun();
        healthy(12000);
        rig.drainAlarmEvents();
        double power = out.value(Signal.PS1_POWER_SP_KW);
        double throttle = out.value(Signal.THROTTLE_VALVE_SP_PCT);
        assertTrue(power > profile.interlocks().pyrometerFailurePowerKw(), "heating at " + power + " kW");

        plcLost(3);
        assertEquals(HoldReason.COMM_LOSS, rig.last().run().holdReason());
        assertTrue(raised(rig.drainAlarmEvents(), AlarmId.COMM_LOSS_PLC));
        double held = out.value(Signal.PS1_POWER_SP_KW);
        plcLost(500);
        assertEquals(held, out.value(Signal.PS1_POWER_SP_KW), 1e-9, "heater power held");
        assertEquals(throttle, out.value(Signal.THROTTLE_VALVE_SP_PCT), 1e-9, "throttle held");
        assertTrue(out.isOn(Signal.HEATER_ENABLE), "no interlock trip on a lost device");
        assertTrue(rig.last().safety().active().equals(java.util.Set.of(InterlockId.COMM_LOSS)));

        healthy(1);
        assertEquals(RunState.RUNNING, rig.last().run().state(), "a 50 s loss resumes by itself");
        assertEquals(held, out.value(Signal.PS1_POWER_SP_KW), 0.05, "the loop takes over from the held power");
    }

    @Test
    void aLongLossRampsTheHeaterDownLikeThePlcWatchdogAndWaitsForTheOperator() {
        rig.startRun();
        healthy(12000);
        double power = out.value(Signal.PS1_POWER_SP_KW);
        int holdScans = (int) (profile.comm().heaterHoldS() / 0.1);
        plcLost(holdScans);
        assertEquals(power, out.value(Signal.PS1_POWER_SP_KW), 1e-9);
        plcLost((int) (profile.comm().heaterRampDownS() / 0.1 / 2));
        assertEquals(power / 2, out.value(Signal.PS1_POWER_SP_KW), power * 0.01, "half-way down the ramp");
        plcLost((int) (profile.comm().heaterRampDownS() / 0.1 / 2) + 10);
        assertEquals(0.0, out.value(Signal.PS1_POWER_SP_KW), 1e-9);

        healthy(10);
        assertEquals(RunState.HELD, rig.last().run().state(), "a loss beyond 300 s needs the operator");
        assertTrue(rig.apply(new Command.Resume()));
        healthy(10);
        assertEquals(RunState.RUNNING, rig.last().run().state(),
                "held for " + rig.last().run().holdReason());
    }

    @Test
    void aFailedPyrometerStillTripsAtOnceButAStaleOneDoesNot() {
        rig.startRun();
        healthy(12000);
        scans(10, () -> in.markStale(Signal.PYRO_TOP_C));
        assertTrue(rig.last().safety().active().equals(java.util.Set.of(InterlockId.COMM_LOSS)), "stale: hold, no trip");
        double before = out.value(Signal.PS1_POWER_SP_KW);
        scans(2, () -> in.update(Signal.PYRO_TOP_C, 3000.0, Quality.BAD));
        assertTrue(rig.last().safety().active().contains(InterlockId.PYROMETER_FAILURE));
        assertTrue(out.value(Signal.PS1_POWER_SP_KW) < before, "ramping down from " + before + " kW");
    }

    @Test
    void interlocksJudgeALostDeviceByItsLastValues() {
        rig.startRun();
        healthy(100);
        HealthyFurnace.set(in, Signal.WATER_COIL_FLOW_LPM, 2.0); // the last value the chiller sent was low
        rig.scans(1);
        scans(30, () -> in.markStale(Signal.WATER_COIL_FLOW_LPM));
        assertTrue(rig.last().safety().active().contains(InterlockId.COIL_WATER_LOW));
    }

    /** A PLC that comes back with its watchdog tripped (it lost the heartbeat meanwhile) needs the operator. */
    @Test
    void aWatchdogTripFoundAfterALossHoldsTheRunForTheOperatorInsteadOfResumingByItself() {
        rig.startRun();
        healthy(600);
        plcLost(20);
        assertEquals(HoldReason.COMM_LOSS, rig.last().run().holdReason());
        HealthyFurnace.set(in, Signal.PLC_WATCHDOG_TRIPPED, 1.0);
        healthy(100);
        assertEquals(RunState.HELD, rig.last().run().state(), "no resume by itself");
        assertEquals(HoldReason.INTERLOCK, rig.last().run().holdReason(), "the latched row outranks the loss");
        assertFalse(rig.apply(new Command.Resume()), "not before the reset");
        rig.apply(new Command.ResetInterlocks());
        assertTrue(out.isOn(Signal.PLC_WATCHDOG_RESET), "the reset pulses the PLC's watchdog reset");
        HealthyFurnace.set(in, Signal.PLC_WATCHDOG_TRIPPED, 0.0);
        healthy(2);
        assertTrue(rig.apply(new Command.Resume()));
        assertEquals(RunState.RUNNING, rig.last().run().state());
    }
}
