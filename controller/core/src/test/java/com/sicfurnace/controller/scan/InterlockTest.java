package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.safety.Effect;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.safety.InterlockMatrix;
import com.sicfurnace.controller.safety.InterlockRule;
import com.sicfurnace.controller.safety.ResetRule;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the interlock matrix, driven through the real scan step for both furnaces and both heater modes: the
 * cause acts after its delay and not before, the effect is the one the matrix gives (heater off, ramped down at the
 * soft-trip rate, or the run held with the heater following its measured power; gas closed where the row says),
 * the run is held and may not resume, a reset clears the row only once its cause is gone, and the heater comes back.
 */
class InterlockTest {
    /** How a test causes a row and takes the cause away again. */
    record Cause(InterlockId row, Consumer<CoreRig> inject, Consumer<CoreRig> clear) {
        @Override
        public String toString() {
            return row.label();
        }
    }

    static List<Cause> causes() {
        return List.of(
                new Cause(InterlockId.EMERGENCY_STOP, r -> set(r, Signal.ESTOP_ACTIVE, 1), r -> set(r, Signal.ESTOP_ACTIVE, 0)),
                new Cause(InterlockId.DOOR_OPEN, r -> set(r, Signal.LID_CLOSED, 0), r -> set(r, Signal.LID_CLOSED, 1)),
                new Cause(InterlockId.DOOR_OPEN, r -> set(r, Signal.CABINET_DOOR_CLOSED, 0),
                        r -> set(r, Signal.CABINET_DOOR_CLOSED, 1)),
                new Cause(InterlockId.COIL_WATER_LOW, r -> set(r, Signal.WATER_COIL_FLOW_LPM, 2),
                        r -> set(r, Signal.WATER_COIL_FLOW_LPM, 40)),
                new Cause(InterlockId.CHAMBER_WATER_LOW, r -> set(r, Signal.WATER_CHAMBER_FLOW_LPM, 5),
                        r -> set(r, Signal.WATER_CHAMBER_FLOW_LPM, 45)),
                new Cause(InterlockId.SUPPLY_WATER_LOW, r -> r.in.update(Signal.WATER_PS_FLOW_LPM, 25, Quality.BAD),
                        r -> set(r, Signal.WATER_PS_FLOW_LPM, 25)),
                new Cause(InterlockId.OVER_TEMPERATURE, r -> set(r, Signal.PYRO_BOTTOM_C, 2700),
                        r -> set(r, Signal.PYRO_BOTTOM_C, 1600)),
                new Cause(InterlockId.OVER_PRESSURE, r -> set(r, Signal.CDG_PRESSURE_MBAR, 1100),
                        r -> set(r, Signal.CDG_PRESSURE_MBAR, 300)),
                new Cause(InterlockId.PRESSURE_UNKNOWN_WITH_GAS, r -> {
                    r.in.update(Signal.CDG_PRESSURE_MBAR, 300, Quality.BAD);
                    r.in.update(Signal.PIRANI_PRESSURE_MBAR, 300, Quality.BAD);
                }, r -> {
                    set(r, Signal.CDG_PRESSURE_MBAR, 300);
                    set(r, Signal.PIRANI_PRESSURE_MBAR, 300);
                }),
                new Cause(InterlockId.PYROMETER_FAILURE, r -> r.in.update(Signal.PYRO_TOP_C, 3000, Quality.BAD),
                        r -> set(r, Signal.PYRO_TOP_C, 1500)),
                new Cause(InterlockId.CHILLER_STOPPED, r -> set(r, Signal.CHILLER_RUNNING, 0),
                        r -> set(r, Signal.CHILLER_RUNNING, 1)),
                new Cause(InterlockId.PLC_WATCHDOG, r -> set(r, Signal.PLC_WATCHDOG_TRIPPED, 1), r -> { }),
                new Cause(InterlockId.HEATER_NOT_FOLLOWING, r -> {
                    r.heaterFollows(false);
                    set(r, Signal.PS1_POWER_KW, 0);
                    if (r.profile.zones() > 1) {
                        set(r, Signal.PS2_POWER_KW, 0);
                    }
                }, r -> r.heaterFollows(true)));
    }

    static Stream<Arguments> causesByModeAndFurnace() {
        return Stream.of("6inch", "8inch").flatMap(furnace -> Stream.of(HeaterMode.POWER, HeaterMode.TEMPERATURE)
                .flatMap(mode -> causes().stream().map(c -> Arguments.of(furnace, mode, c))));
    }

    @Test
    void everyRowOfTheMatrixButCommunicationLossHasACaseHere() {
        Set<InterlockId> covered = EnumSet.noneOf(InterlockId.class);
        causes().forEach(c -> covered.add(c.row()));
        covered.add(InterlockId.COMM_LOSS); // CommunicationPolicyTest
        assertEquals(EnumSet.allOf(InterlockId.class), covered);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("causesByModeAndFurnace")
    void eachRowActsAsTheMatrixSaysHoldsTheRunAndResetsOnlyWhenClear(String furnace, HeaterMode mode, Cause cause) {
        InterlockRule rule = InterlockMatrix.rule(cause.row());
        CoreRig rig = new CoreRig(furnace, TestRecipes.hot(furnace, mode));
        FurnaceProfile profile = rig.profile;
        rig.startRun();
        rig.scans(6000); // ten minutes: the loops reach well above the 5 kW blind-heating limit
        assertHeaterOn(rig.out, profile);
        double powerBeforeKw = totalPowerKw(rig.out, profile);

        cause.inject().accept(rig);
        int delayScans = (int) Math.round(delayS(cause.row(), profile) * 10);
        if (delayScans > 1) {
            rig.scans(delayScans - 2);
            assertFalse(rig.last().safety().active().contains(cause.row()), "not before its delay");
            powerBeforeKw = totalPowerKw(rig.out, profile);
        }
        rig.scans(delayScans > 1 ? 3 : 1);
        assertTrue(rig.last().safety().active().contains(cause.row()), "active " + rig.last().safety().active());
        assertEquals(cause.row(), rig.last().safety().firstOut());
        assertEquals(RunState.HELD, rig.last().run().state());
        assertEquals(HoldReason.INTERLOCK, rig.last().run().holdReason());
        assertTrue(rig.last().activeAlarms().contains(AlarmMonitor.interlockAlarm(cause.row())));
        assertEffect(rule, rig, powerBeforeKw);
        assertEquals(rule.closesGas(), !rig.out.isOn(Signal.GAS_VALVE_OPEN_CMD), "gas valve");
        if (rule.closesGas()) {
            assertEquals(0.0, rig.out.value(Signal.AR_FLOW_SP_SCCM));
        }
        assertFalse(rig.apply(new Command.Resume()), "no resume while the row is active");

        if (rule.reset() == ResetRule.OPERATOR && cause.row() != InterlockId.HEATER_NOT_FOLLOWING) {
            rig.apply(new Command.ResetInterlocks());
            assertTrue(rig.last().safety().active().contains(cause.row()), "reset refused while the cause is present");
        }
        cause.clear().accept(rig);
        rig.scans(30);
        assertTrue(rig.last().safety().active().contains(cause.row()), "latched until reset");
        rig.apply(new Command.ResetInterlocks());
        if (rule.reset() == ResetRule.OPERATOR_PLC) {
            assertTrue(rig.out.isOn(Signal.PLC_WATCHDOG_RESET), "the reset pulses the PLC's watchdog reset");
            set(rig, Signal.PLC_WATCHDOG_TRIPPED, 0); // the PLC saw the pulse
            rig.scans(2);
        }
        assertTrue(rig.last().safety().active().isEmpty(), "cleared: " + rig.last().safety().active());
        assertTrue(rig.apply(new Command.Resume()));
        rig.scans(6000);
        assertHeaterOn(rig.out, profile);
    }

    private static double delayS(InterlockId row, FurnaceProfile profile) {
        return switch (row) {
            case COIL_WATER_LOW, CHAMBER_WATER_LOW, SUPPLY_WATER_LOW -> profile.interlocks().waterDebounceS();
            case PRESSURE_UNKNOWN_WITH_GAS -> profile.interlocks().pressureUnknownDelayS();
            case CHILLER_STOPPED -> profile.interlocks().chillerDelayS();
            case HEATER_NOT_FOLLOWING -> profile.interlocks().heaterFollowDelayS();
            default -> 0.0;
        };
    }

    private static void assertEffect(InterlockRule rule, CoreRig rig, double powerBeforeKw) {
        FurnaceProfile profile = rig.profile;
        if (rule.effect() == Effect.HARD_TRIP) {
            assertHeaterOff(rig.out, profile);
        } else if (rule.effect() == Effect.SOFT_TRIP) {
            double rateKwPerS = profile.interlocks().softTripRateKwPerH() / 3600.0;
            double atTrip = totalPowerKw(rig.out, profile);
            assertTrue(atTrip <= powerBeforeKw + 1e-6, "a soft trip only lowers the power");
            rig.scans(600);
            assertEquals(Math.max(0.0, atTrip - 60 * rateKwPerS), totalPowerKw(rig.out, profile), 0.05,
                    "ramped down at the soft-trip rate for 60 s");
            rig.scans((int) Math.ceil(atTrip / rateKwPerS * 10) + 10);
            assertHeaterOff(rig.out, profile);
        } else {
            assertTrue(rig.out.isOn(Signal.HEATER_ENABLE), "a hold leaves the heater on");
            double measured = rig.in.value(Signal.PS1_POWER_KW)
                    + (profile.zones() > 1 ? rig.in.value(Signal.PS2_POWER_KW) : 0.0);
            rig.scans(10);
            assertEquals(measured, totalPowerKw(rig.out, profile), 1e-6, "the command follows the measured power");
        }
    }

    @Test
    void aFailedPyrometerAtLowPowerRaisesAnAlarmButNoTrip() {
        CoreRig rig = new CoreRig("6inch", TestRecipes.power("6inch", 3.0));
        rig.startRun();
        rig.in.update(Signal.PYRO_TOP_C, 3000, Quality.BAD);
        rig.scans(600);
        assertTrue(rig.last().safety().active().isEmpty());
        assertEquals(3.0, rig.out.value(Signal.PS1_POWER_SP_KW), 1e-9);
        assertTrue(rig.drainAlarmEvents().stream()
                .anyMatch(e -> e.alarm().equals(AlarmId.PYROMETER_TOP_FAILED)));
    }

    @Test
    void theFirstRowToActIsFirstOutAndStaysSoWhileOthersFollow() {
        CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.TEMPERATURE));
        rig.startRun();
        rig.scans(600);
        set(rig, Signal.CHILLER_RUNNING, 0);
        rig.scans(400);
        set(rig, Signal.ESTOP_ACTIVE, 1);
        rig.scans(1);
        assertEquals(Set.of(InterlockId.CHILLER_STOPPED, InterlockId.EMERGENCY_STOP), rig.last().safety().active());
        assertEquals(InterlockId.CHILLER_STOPPED, rig.last().safety().firstOut());
    }

    /**
     * The first-out reset while a row that followed it stays latched: no row left is the first out (the others were
     * its consequences), and the matrix's state can still be journaled (it once named a row no longer latched, and the
     * run's checkpoint stopped the scan loop).
     */
    @Test
    void theFirstOutResetWhileAnotherRowStaysLatchedLeavesNoFirstOutAndACheckpoint() {
        CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.TEMPERATURE));
        rig.startRun();
        rig.scans(600);
        set(rig, Signal.CHILLER_RUNNING, 0);
        rig.scans(400);
        set(rig, Signal.ESTOP_ACTIVE, 1);
        rig.scans(1);
        assertEquals(InterlockId.CHILLER_STOPPED, rig.last().safety().firstOut());
        set(rig, Signal.CHILLER_RUNNING, 1);
        rig.scans(30);
        rig.apply(new Command.ResetInterlocks());
        rig.scans(1);
        assertEquals(Set.of(InterlockId.EMERGENCY_STOP), rig.last().safety().active());
        assertEquals(null, rig.last().safety().firstOut());
        assertEquals(Set.of(InterlockId.EMERGENCY_STOP), rig.checkpoint().interlocks().active());
    }

    @Test
    void everyRowHasItsAlarm() {
        Arrays.stream(InterlockId.values()).forEach(id -> assertEquals("INTERLOCK_" + id.name(),
                AlarmMonitor.interlockAlarm(id).name()));
    }

    static void assertHeaterOn(OutputImage out, FurnaceProfile profile) {
        assertTrue(out.isOn(Signal.HEATER_ENABLE));
        assertTrue(out.isOn(Signal.PS1_OUTPUT_ENABLE));
        double total = totalPowerKw(out, profile);
        assertTrue(total > profile.interlocks().pyrometerFailurePowerKw(), "heater energised with " + total + " kW");
    }

    static void assertHeaterOff(OutputImage out, FurnaceProfile profile) {
        assertFalse(out.isOn(Signal.HEATER_ENABLE));
        assertFalse(out.isOn(Signal.PS1_OUTPUT_ENABLE));
        assertEquals(0.0, out.value(Signal.PS1_POWER_SP_KW));
        if (profile.zones() > 1) {
            assertFalse(out.isOn(Signal.PS2_OUTPUT_ENABLE));
            assertEquals(0.0, out.value(Signal.PS2_POWER_SP_KW));
        }
    }

    static double totalPowerKw(OutputImage out, FurnaceProfile profile) {
        return out.value(Signal.PS1_POWER_SP_KW) + (profile.zones() > 1 ? out.value(Signal.PS2_POWER_SP_KW) : 0.0);
    }

    private static void set(CoreRig rig, Signal signal, double value) {
        HealthyFurnace.set(rig.in, signal, value);
    }
}
