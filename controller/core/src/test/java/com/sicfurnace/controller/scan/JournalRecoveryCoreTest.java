package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.alarm.ShelveMode;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.ProgramCheckpoint;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run checkpointed by one core and taken up by another, as a controller restarted after a crash does: the step
 * and its timer go on from the checkpoint, the heater from the measured power, latched rows, bypasses and alarm
 * acknowledgements survive; within the outage limit the recovery resets the PLC's watchdog by itself and the run
 * is not held, beyond it the run waits for an operator.
 */
class JournalRecoveryCoreTest {
    private static final double SCAN_S = 0.1;
    private static final double LIMIT_S = 300;
    private static final Actor ENGINEER = new Actor("erik", Role.ENGINEER);

    private final Recipe recipe = TestRecipes.hot("6inch", HeaterMode.TEMPERATURE);

    /** A run 20 s into its soak, with a bypass running and an alarm returned but not acknowledged. */
    private CoreRig runningFurnace() {
        CoreRig rig = new CoreRig("6inch", recipe);
        rig.startRun();
        rig.scans(100);
        assertTrue(rig.apply(new Command.Bypass(InterlockId.CHILLER_STOPPED, Duration.ofMinutes(10)), ENGINEER,
                "chiller service"));
        HealthyFurnace.set(rig.in, Signal.CHILLER_RUNNING, 0.0);
        rig.scans(2);
        HealthyFurnace.set(rig.in, Signal.CHILLER_RUNNING, 1.0);
        rig.scans(97);
        assertEquals(RunState.RUNNING, rig.last().run().state());
        assertEquals(AlarmState.UNACK_RTN, rig.last().alarms().get(AlarmId.CHILLER_FAULT));
        return rig;
    }

    /** A second core restored from the first's checkpoint, seeing the same furnace. */
    private static CoreRig restarted(CoreRig before, Recipe recipe, double outageS) {
        RunCheckpoint saved = before.checkpoint();
        CoreRig after = new CoreRig("6inch", recipe, saved, new Recovery(outageS, LIMIT_S, 10));
        for (Signal s : Signal.values()) {
            if (s.isInput() && before.in.present(s)) {
                after.in.update(s, before.in.value(s), before.in.quality(s));
            }
        }
        return after;
    }

    @Test
    void aRestoredRunGoesOnAtItsStepAndStepTimeWithinOneScanFromTheMeasuredPower() {
        CoreRig before = runningFurnace();
        RunCheckpoint saved = before.checkpoint();
        ProgramCheckpoint at = saved.program();
        CoreRig after = restarted(before, recipe, 2.0);
        assertEquals(saved, after.checkpoint(), "nothing moves before the restored run has seen the furnace");
        // the PLC held the heater at what it delivered; the restarted core must start from exactly that
        HealthyFurnace.set(after.in, Signal.PS1_POWER_KW, 7.25);
        after.heaterFollows(false);
        after.scans(1);
        assertEquals(at.stepIndex(), after.last().run().stepIndex());
        assertEquals(at.stepTimerS() + SCAN_S, after.last().run().stepTimeS(), 1e-9, "one scan on from the journal");
        assertEquals(RunState.RUNNING, after.last().run().state());
        double commanded = after.out.value(Signal.PS1_POWER_SP_KW);
        assertTrue(Math.abs(commanded - 7.25) < 0.05, "bumpless from the measured 7.25 kW, not " + commanded);
        assertTrue(after.out.isOn(Signal.HEATER_ENABLE), "the heater stays on");
        assertEquals(at.working(), after.checkpoint().program().working(), "the soak's setpoints go on");
        assertEquals(AlarmState.UNACK_RTN, after.last().alarms().get(AlarmId.CHILLER_FAULT),
                "an alarm not acknowledged before the crash still awaits acknowledgement");
        double leftBefore = saved.interlocks().bypassSecondsLeft().get(InterlockId.CHILLER_STOPPED);
        assertEquals(leftBefore - SCAN_S, after.last().safety().bypassSecondsLeft().get(InterlockId.CHILLER_STOPPED),
                1e-6, "a bypass goes on with the time it had left");
        List<FurnaceEvent> events = after.drainEvents();
        assertTrue(events.stream().anyMatch(e -> e instanceof ProgramEvent p && p.type() == ProgramEvent.Type.RECOVERED
                && p.detail().contains("within the limit")), "the recovery is journaled: " + events);
    }

    @Test
    void aRestoredRunWritesTheJournaledOutputsAgainUntilItHasSeenEveryInput() {
        CoreRig before = runningFurnace();
        RunCheckpoint saved = before.checkpoint();
        CoreRig after = restarted(before, recipe, 1.0);
        after.in.markStale(Signal.PS1_POWER_KW);
        after.heaterFollows(false);
        after.scans(3);
        assertTrue(after.out.isOn(Signal.HEATER_ENABLE), "the heater is not switched off while the core waits");
        assertTrue(saved.outputs().get(Signal.PS1_POWER_SP_KW) > 0.0, "a heated furnace: " + saved.outputs());
        for (Signal s : saved.outputs().keySet()) {
            if (s != Signal.CONTROLLER_HEARTBEAT) {
                assertEquals(saved.outputs().get(s), after.out.value(s), "the device keeps " + s.ioName());
            }
        }
        assertEquals((saved.heartbeat() + 3) % 65536, (int) after.out.value(Signal.CONTROLLER_HEARTBEAT),
                "the heartbeat runs");
        assertEquals(saved, after.checkpoint(), "nothing else moves before the core has seen the furnace");
    }

    @Test
    void acknowledgementsAndShelvesSurviveTheRestart() {
        CoreRig before = runningFurnace();
        HealthyFurnace.set(before.in, Signal.CHILLER_RUNNING, 0.0);
        before.scans(50);
        assertTrue(before.apply(new Command.Acknowledge(AlarmId.CHILLER_FAULT)));
        assertTrue(before.apply(new Command.Shelve(AlarmId.LEAK_CHECK_FAILED, ShelveMode.TIMED, Duration.ofMinutes(20)),
                CoreRig.OPERATOR, "known leak, service booked"));
        before.scans(1);
        assertEquals(AlarmState.ACK_ACTIVE, before.last().alarms().get(AlarmId.CHILLER_FAULT));
        CoreRig after = restarted(before, recipe, 2.0);
        after.scans(1);
        assertEquals(AlarmState.ACK_ACTIVE, after.last().alarms().get(AlarmId.CHILLER_FAULT),
                "acknowledged before the crash, still acknowledged; the condition still holds");
        assertEquals(AlarmState.SHELVED, after.last().alarms().get(AlarmId.LEAK_CHECK_FAILED),
                "the shelve goes on after the restart");
        after.scans(20 * 600);
        assertEquals(null, after.last().alarms().get(AlarmId.LEAK_CHECK_FAILED),
                "and ends when it would have: 20 minutes after it was set");
    }

    @Test
    void withinTheOutageLimitTheRecoveryResetsTheTrippedPlcWatchdogAndDoesNotHoldTheRun() {
        CoreRig before = runningFurnace();
        double timerBefore = before.checkpoint().program().stepTimerS();
        CoreRig after = restarted(before, recipe, 120);
        HealthyFurnace.set(after.in, Signal.PLC_WATCHDOG_TRIPPED, 1.0);
        after.scans(1);
        assertTrue(after.last().safety().active().contains(InterlockId.PLC_WATCHDOG), "the row acts as it does");
        assertTrue(after.out.isOn(Signal.PLC_WATCHDOG_RESET), "the recovery resets the PLC's watchdog");
        assertEquals(RunState.RUNNING, after.last().run().state(), "the row does not hold a recovering run");
        CommandEvent reset = after.drainEvents().stream().filter(CommandEvent.class::isInstance)
                .map(CommandEvent.class::cast).filter(c -> c.command() instanceof Command.ResetPlcWatchdog)
                .findFirst().orElseThrow(() -> new AssertionError("the reset is journaled as the recovery's"));
        assertTrue(reset.accepted());
        assertEquals(Recovery.ACTOR, reset.actor());
        after.scans(5); // the PLC sees the edge with the heartbeat running, and reports its watchdog clear
        HealthyFurnace.set(after.in, Signal.PLC_WATCHDOG_TRIPPED, 0.0);
        after.scans(2);
        assertFalse(after.last().safety().active().contains(InterlockId.PLC_WATCHDOG), "cleared by the PLC");
        assertFalse(after.out.isOn(Signal.PLC_WATCHDOG_RESET), "the reset ends once the PLC reports clear");
        assertEquals(RunState.RUNNING, after.last().run().state());
        assertEquals(timerBefore + 8 * SCAN_S, after.last().run().stepTimeS(), 1e-9, "the step timer never stopped");
        after.scans(10);
        assertTrue(after.last().loops().temperatureControlled(), "the seed loop has the heater again");
    }

    @Test
    void whenThePlcDoesNotClearInTimeTheRowHoldsTheRunAsAlways() {
        CoreRig before = runningFurnace();
        CoreRig after = restarted(before, recipe, 60);
        HealthyFurnace.set(after.in, Signal.PLC_WATCHDOG_TRIPPED, 1.0);
        after.scans(99);
        assertEquals(RunState.RUNNING, after.last().run().state(), "within the 10 s window");
        after.scans(3);
        assertEquals(HoldReason.INTERLOCK, after.last().run().holdReason(), "the window has ended");
        assertFalse(after.out.isOn(Signal.PLC_WATCHDOG_RESET));
    }

    @Test
    void beyondTheOutageLimitTheRunComesBackHeldAndWaitsForAnOperator() {
        CoreRig before = runningFurnace();
        double timerBefore = before.checkpoint().program().stepTimerS();
        CoreRig after = restarted(before, recipe, LIMIT_S + 1);
        HealthyFurnace.set(after.in, Signal.PLC_WATCHDOG_TRIPPED, 1.0);
        after.scans(50);
        assertEquals(RunState.HELD, after.last().run().state());
        assertEquals(HoldReason.RECOVERY, after.last().run().holdReason());
        assertEquals(timerBefore, after.last().run().stepTimeS(), 1e-9, "held: the step timer stands still");
        assertFalse(after.out.isOn(Signal.PLC_WATCHDOG_RESET), "no reset without an operator");
        assertTrue(after.drainEvents().stream().noneMatch(e -> e instanceof CommandEvent), "nothing done by itself");
        assertFalse(after.apply(new Command.Resume()), "the PLC's watchdog is still latched");
        assertTrue(after.apply(new Command.ResetInterlocks()));
        HealthyFurnace.set(after.in, Signal.PLC_WATCHDOG_TRIPPED, 0.0);
        after.scans(2);
        assertTrue(after.apply(new Command.Resume()), "resumed by the operator");
        assertEquals(RunState.RUNNING, after.last().run().state());
    }

    @Test
    void nobodyElseMayAskForTheRecoverysWatchdogReset() {
        CoreRig rig = runningFurnace();
        assertFalse(rig.apply(new Command.ResetPlcWatchdog(), new Actor("olga", Role.OPERATOR), "x"));
        assertFalse(rig.apply(new Command.ResetPlcWatchdog(), Actor.system("telemetry"), "x"));
        assertFalse(rig.out.isOn(Signal.PLC_WATCHDOG_RESET));
    }

    @Test
    void aCheckpointThatDoesNotFitTheRecipeIsRefused() {
        CoreRig before = runningFurnace();
        RunCheckpoint saved = before.checkpoint();
        ProgramCheckpoint p = saved.program();
        ProgramCheckpoint elsewhere = new ProgramCheckpoint(p.state(), p.holdReason(), p.heaterMode(), p.vacuumMode(),
                4, p.stepTimerS(), p.conditionMetS(), p.working(), p.ramp(), p.lastLeakRateMbarLPerS());
        RunCheckpoint wrong = new RunCheckpoint(saved.time(), elsewhere, saved.heaterSplit(), saved.heaterEnabled(),
                saved.heaterCommandKw(), saved.throttlePct(), saved.turboRunning(), saved.heartbeat(),
                saved.lastCommLossS(), saved.interlocks(), saved.vacuumReached(), saved.leakCheckPassed(),
                saved.alarms(), saved.outputs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CoreRig("6inch", recipe, wrong, new Recovery(1, LIMIT_S, 10)));
        assertTrue(e.getMessage().contains("step 5"), e.getMessage());
    }

    @Test
    void aRampIsTakenUpWhereItStood() {
        Recipe ramp = TestRecipes.rampFromCold("6inch");
        CoreRig before = new CoreRig("6inch", ramp);
        before.startRun();
        before.scans(600);
        assertEquals(Quality.GOOD, before.in.quality(Signal.PYRO_TOP_C));
        ProgramCheckpoint at = before.checkpoint().program();
        assertTrue(at.ramp() != null && Double.isFinite(at.ramp().durationS()), "a ramp with a known plan: " + at);
        CoreRig after = restarted(before, ramp, 1.0);
        after.scans(1);
        before.scans(1);
        assertEquals(before.checkpoint().program().working().seedC(), after.checkpoint().program().working().seedC(),
                1e-9, "the seed setpoint moves on along the same ramp");
        assertEquals(before.checkpoint().program().stepTimerS(), after.checkpoint().program().stepTimerS(), 1e-9);
    }
}
