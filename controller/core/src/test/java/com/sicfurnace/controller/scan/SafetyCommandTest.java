package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.alarm.ShelveMode;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.program.Setpoint;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.Permissive;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bypasses, permissives and the checks every command passes: role, reason, state; refusals change nothing. */
class SafetyCommandTest {
    private static final Actor ENGINEER = new Actor("erika", Role.ENGINEER);
    private final CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.TEMPERATURE));

    private CommandEvent lastCommand() {
        List<FurnaceEvent> events = rig.drainEvents();
        return events.stream().filter(CommandEvent.class::isInstance).map(CommandEvent.class::cast)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no command event in " + events));
    }

    @Test
    void aStartWithTheDoorOpenIsRefusedNamingThePermissiveAndTheHeaterStaysOff() {
        HealthyFurnace.set(rig.in, Signal.LID_CLOSED, 0);
        HealthyFurnace.set(rig.in, Signal.WATER_PS_FLOW_LPM, 1);
        rig.startRun();
        CommandEvent start = lastCommand();
        assertFalse(start.accepted());
        assertEquals("start permissives missing: [door_closed, water_flowing, no_interlock_active]", start.detail());
        assertEquals(RunState.READY, rig.last().run().state());
        rig.scans(100);
        assertFalse(rig.out.isOn(Signal.HEATER_ENABLE));
        assertTrue(rig.last().safety().missingPermissives().contains(Permissive.DOOR_CLOSED));
    }

    @Test
    void aRunThatWouldHeatAboveTheThresholdWithoutVacuumIsHeldUntilTheVacuumIsReached() {
        rig.command(new Command.Start());
        rig.scans(10);
        assertEquals(HoldReason.PERMISSIVE, rig.last().run().holdReason());
        assertTrue(rig.last().activeAlarms().contains(AlarmId.RUN_HELD_BY_PERMISSIVE));
        assertFalse(rig.apply(new Command.Resume()), "refused while the vacuum was never reached");
        HealthyFurnace.set(rig.in, Signal.CDG_PRESSURE_MBAR, 0.01);
        HealthyFurnace.set(rig.in, Signal.PIRANI_PRESSURE_MBAR, rig.profile.permissives().vacuumReachedMbar() / 1.5);
        rig.scans(1);
        assertTrue(rig.apply(new Command.Resume()));
        assertEquals(RunState.RUNNING, rig.last().run().state());
    }

    @Test
    void anOperatorMayNotBypassAnEngineerMayWithinTheLimitAndTheBypassExpires() {
        rig.startRun();
        Command bypass = new Command.Bypass(InterlockId.CHILLER_STOPPED, Duration.ofMinutes(10));
        assertFalse(rig.apply(bypass));
        assertEquals("an operator may not bypass", lastCommand().detail());
        assertFalse(rig.apply(bypass, ENGINEER, ""));
        assertEquals("bypass needs a reason", lastCommand().detail());
        assertFalse(rig.apply(new Command.Bypass(InterlockId.CHILLER_STOPPED, Duration.ofMinutes(16)), ENGINEER,
                "chiller changeover"));
        assertFalse(rig.apply(new Command.Bypass(InterlockId.DOOR_OPEN, Duration.ofMinutes(1)), ENGINEER,
                "why not"));
        assertEquals("door_open may never be bypassed", lastCommand().detail());

        rig.drainEvents();
        boolean accepted = rig.apply(bypass, ENGINEER, "chiller changeover");
        CommandEvent done = lastCommand();
        assertTrue(accepted, done.detail());
        assertEquals(ENGINEER, done.actor());
        assertEquals("none", done.before().get("bypass_s_left"));
        assertEquals("600", done.after().get("bypass_s_left"));
        assertTrue(rig.last().activeAlarms().contains(AlarmId.INTERLOCK_BYPASSED), "a bypass is always alarmed");
        HealthyFurnace.set(rig.in, Signal.CHILLER_RUNNING, 0);
        rig.scans(5000); // 500 s: far beyond the 30 s delay, within the bypass
        assertFalse(rig.last().safety().active().contains(InterlockId.CHILLER_STOPPED), "bypassed");
        assertTrue(rig.out.isOn(Signal.HEATER_ENABLE));
        rig.scans(1500); // the bypass runs out at 600 s; the cause acts after its own 30 s delay
        List<FurnaceEvent> events = rig.drainEvents();
        assertTrue(events.stream().anyMatch(e -> e instanceof InterlockEvent i
                && i.change() == InterlockEvent.Change.BYPASS_EXPIRED), events.toString());
        assertTrue(rig.last().safety().active().contains(InterlockId.CHILLER_STOPPED));
        assertTrue(rig.last().safety().bypassSecondsLeft().isEmpty());
    }

    @Test
    void aBypassedTripMayBeResetWhileItsCauseStandsAndEndingTheBypassBringsItBack() {
        rig.startRun();
        rig.scans(600);
        HealthyFurnace.set(rig.in, Signal.CHILLER_RUNNING, 0);
        rig.scans(400);
        assertTrue(rig.last().safety().active().contains(InterlockId.CHILLER_STOPPED));
        assertTrue(rig.apply(new Command.Bypass(InterlockId.CHILLER_STOPPED, Duration.ofMinutes(5)), ENGINEER,
                "chiller changeover"));
        assertTrue(rig.apply(new Command.ResetInterlocks()));
        assertTrue(rig.last().safety().active().isEmpty());
        assertTrue(rig.apply(new Command.EndBypass(InterlockId.CHILLER_STOPPED)));
        rig.scans(400);
        assertTrue(rig.last().safety().active().contains(InterlockId.CHILLER_STOPPED));
    }

    @Test
    void serviceReportsComeOnlyFromTheSystemAndPeopleMayNotSendThem() {
        assertFalse(rig.apply(new Command.ReportCondition(AlarmId.TELEMETRY_BACKLOG, true, "forged")));
        assertFalse(rig.last().activeAlarms().contains(AlarmId.TELEMETRY_BACKLOG));
        assertFalse(rig.apply(new Command.Abort(), CoreRig.OPERATOR, " "), "an abort needs a reason");
        assertEquals(RunState.READY, rig.last().run().state());
    }

    @Test
    void aHeldRunChangesNoSetpointNotEvenTheOpenLoopPowerRamp() {
        CoreRig rig = new CoreRig("6inch", TestRecipes.rampFromCold("6inch"));
        HealthyFurnace.set(rig.in, Signal.PYRO_TOP_C, 1000); // below range: the heater ramps open loop
        HealthyFurnace.set(rig.in, Signal.PYRO_BOTTOM_C, 1000);
        rig.startRun();
        rig.scans(600);
        double ramping = InterlockTest.totalPowerKw(rig.out, rig.profile);
        assertTrue(ramping > 0.0, "open-loop ramp under way");
        assertTrue(rig.apply(new Command.Hold()));
        rig.scans(3000);
        assertEquals(ramping, InterlockTest.totalPowerKw(rig.out, rig.profile), 0.01, "held: the ramp stands still");
    }

    @Test
    void anEngineerRetunesALoopBumplesslyWithinAFactorOfTenAndTheChangeIsJournaledWithBeforeAndAfter() {
        rig.startRun();
        rig.scans(6000);
        double before = InterlockTest.totalPowerKw(rig.out, rig.profile);
        double kp = rig.profile.loops().seed().kp();
        assertFalse(rig.apply(new Command.Tune(LoopId.SEED, kp * 2, 400, 0)), "an operator may not tune");
        assertFalse(rig.apply(new Command.Tune(LoopId.SEED, 3.3, 400, 0), ENGINEER, "faster"));
        assertEquals("kp must lie within a factor of 10.0 of the profile's 0.3, not 3.3",
                lastCommand().detail());
        assertFalse(rig.apply(new Command.Tune(LoopId.SEED, kp, 400, 500), ENGINEER, "derivative"));
        assertTrue(rig.apply(new Command.Tune(LoopId.SEED, kp * 2, 300, 0), ENGINEER, "tighter soak"));
        CommandEvent tuned = lastCommand();
        assertEquals("0.300000", tuned.before().get("kp"));
        assertEquals("0.600000", tuned.after().get("kp"));
        assertEquals("300.000", tuned.after().get("ti_s"));
        assertEquals(before, InterlockTest.totalPowerKw(rig.out, rig.profile), 0.05, "no bump in the power");
    }

    @Test
    void anEngineerOverridesASetpointOfAHeldSoakWithinTheFurnacesLimitsOnly() {
        rig.startRun();
        rig.scans(100);
        Command override = new Command.OverrideSetpoint(Setpoint.SEED_C, 1590);
        assertFalse(rig.apply(override, ENGINEER, "lower the seed"));
        assertEquals("setpoints are overridden only in a held run; it is running", lastCommand().detail());
        assertTrue(rig.apply(new Command.Hold()));
        assertFalse(rig.apply(new Command.OverrideSetpoint(Setpoint.SEED_C, 2700), ENGINEER, "hot"));
        assertFalse(rig.apply(new Command.OverrideSetpoint(Setpoint.SEED_C, 1300), ENGINEER, "gradient"));
        assertTrue(lastCommand().detail().startsWith("the gradient source - seed would be 400.0 K"));
        assertTrue(rig.apply(override, ENGINEER, "lower the seed"));
        CommandEvent done = lastCommand();
        assertEquals("1600.00", done.before().get("seed_c"));
        assertEquals("1590.00", done.after().get("seed_c"));
        assertEquals(1590.0, rig.last().loops().seedSetpointC());
        assertTrue(rig.apply(new Command.Resume()));
        rig.scans(10);
        assertEquals(1590.0, rig.last().loops().seedSetpointC(), "the soak goes on at the overridden setpoint");
    }

    @Test
    void anOperatorShelvesAProcessAlarmWithAReasonButNeverATripAndUnshelvesIt() {
        rig.startRun();
        HealthyFurnace.set(rig.in, Signal.CHILLER_RUNNING, 0);
        rig.scans(50);
        assertEquals(AlarmState.UNACK_ACTIVE, rig.last().alarms().get(AlarmId.CHILLER_FAULT));
        Command shelve = new Command.Shelve(AlarmId.CHILLER_FAULT, ShelveMode.TIMED, Duration.ofMinutes(10));
        assertFalse(rig.apply(shelve, CoreRig.OPERATOR, ""), "a shelve needs a reason");
        assertTrue(rig.apply(shelve, CoreRig.OPERATOR, "chiller service under way"));
        CommandEvent shelved = lastCommand();
        assertEquals("unack_active", shelved.before().get("alarm_state"));
        assertEquals("shelved", shelved.after().get("alarm_state"));
        assertFalse(rig.apply(new Command.Shelve(AlarmId.INTERLOCK_DOOR_OPEN, ShelveMode.ONE_SHOT, null),
                CoreRig.OPERATOR, "annoying"), "a trip is never shelved");
        assertTrue(rig.apply(new Command.Unshelve(AlarmId.CHILLER_FAULT)));
        assertTrue(rig.last().alarms().get(AlarmId.CHILLER_FAULT).active(), "back, as its condition still holds");
        assertFalse(rig.apply(new Command.Unshelve(AlarmId.CHILLER_FAULT)), "nothing left to unshelve");
    }
}
