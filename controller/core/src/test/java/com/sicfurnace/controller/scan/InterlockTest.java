package com.sicfurnace.controller.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.safety.Trip;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path that can energise the heater passes the interlocks: for each heater mode and furnace, each trip
 * condition takes the heater permissive, the supplies' enables and their setpoints to zero, holds the run, latches,
 * and only a reset after the cause is gone lets the heater back on.
 */
class InterlockTest {
    record Fault(Trip trip, Consumer<ProcessImage> inject, Consumer<ProcessImage> clear) {
        @Override
        public String toString() {
            return trip.name();
        }
    }

    static Stream<Arguments> faultsByModeAndFurnace() {
        List<Fault> faults = List.of(
                new Fault(Trip.EMERGENCY_STOP, in -> set(in, Signal.ESTOP_ACTIVE, 1), in -> set(in, Signal.ESTOP_ACTIVE, 0)),
                new Fault(Trip.DOOR_OPEN, in -> set(in, Signal.LID_CLOSED, 0), in -> set(in, Signal.LID_CLOSED, 1)),
                new Fault(Trip.DOOR_OPEN, in -> set(in, Signal.CABINET_DOOR_CLOSED, 0),
                        in -> set(in, Signal.CABINET_DOOR_CLOSED, 1)),
                new Fault(Trip.WATER_FLOW_LOW, in -> set(in, Signal.WATER_COIL_FLOW_LPM, 2),
                        in -> set(in, Signal.WATER_COIL_FLOW_LPM, 40)),
                new Fault(Trip.WATER_FLOW_LOW, in -> in.update(Signal.WATER_PS_FLOW_LPM, 25, Quality.BAD),
                        in -> set(in, Signal.WATER_PS_FLOW_LPM, 25)),
                new Fault(Trip.OVER_TEMPERATURE, in -> set(in, Signal.PYRO_BOTTOM_C, 2700),
                        in -> set(in, Signal.PYRO_BOTTOM_C, 1600)),
                new Fault(Trip.OVER_PRESSURE, in -> set(in, Signal.CDG_PRESSURE_MBAR, 1100),
                        in -> set(in, Signal.CDG_PRESSURE_MBAR, 300)),
                new Fault(Trip.PYROMETER_FAILURE, in -> in.update(Signal.PYRO_TOP_C, 3000, Quality.BAD),
                        in -> set(in, Signal.PYRO_TOP_C, 1500)));
        return Stream.of("6inch", "8inch").flatMap(furnace -> Stream.of(HeaterMode.POWER, HeaterMode.TEMPERATURE)
                .flatMap(mode -> faults.stream().map(f -> Arguments.of(furnace, mode, f))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("faultsByModeAndFurnace")
    void eachTripForcesTheHeaterOffLatchesAndResetsOnlyWhenClear(String furnace, HeaterMode mode, Fault fault) {
        CoreRig rig = new CoreRig(furnace, heatingRecipe(furnace, mode));
        FurnaceProfile profile = rig.profile;
        rig.command(new Command.Start());
        rig.scans(6000); // ten minutes: the loops reach well above the 5 kW blind-heating limit
        assertHeaterOn(rig.out, profile);

        fault.inject().accept(rig.in);
        rig.scans(30); // longer than the water-flow debounce
        assertHeaterOff(rig.out, profile);
        assertTrue(rig.last().latchedTrips().contains(fault.trip()), "latched " + rig.last().latchedTrips());
        assertEquals(RunState.HELD, rig.last().run().state());
        assertFalse(rig.apply(new Command.Resume()), "no resume while a trip is latched");

        rig.apply(new Command.ResetInterlocks());
        assertTrue(rig.last().latchedTrips().contains(fault.trip()), "reset refused while the cause is present");
        fault.clear().accept(rig.in);
        rig.scans(30);
        assertHeaterOff(rig.out, profile); // the cause is gone, but the trip stays latched until reset
        rig.apply(new Command.ResetInterlocks());
        assertTrue(rig.last().latchedTrips().isEmpty());
        assertTrue(rig.apply(new Command.Resume()));
        rig.scans(6000);
        assertHeaterOn(rig.out, profile);
    }

    @Test
    void aFailedPyrometerAtLowPowerRaisesAnAlarmButNoTrip() {
        CoreRig rig = new CoreRig("6inch", powerRecipe("6inch", 3.0));
        rig.command(new Command.Start());
        rig.in.update(Signal.PYRO_TOP_C, 3000, Quality.BAD);
        rig.scans(600);
        assertTrue(rig.last().latchedTrips().isEmpty());
        assertEquals(3.0, rig.out.value(Signal.PS1_POWER_SP_KW), 1e-9);
        assertTrue(rig.drainAlarmEvents().stream()
                .anyMatch(e -> e.alarm().equals(AlarmId.PYROMETER_TOP_FAILED)));
    }

    private static Recipe heatingRecipe(String furnace, HeaterMode mode) {
        return mode == HeaterMode.POWER ? powerRecipe(furnace, 10.0) : new Recipe("t", furnace, "", "t.yaml",
                Optional.empty(), List.of(new Step.Soak("hot", 1, new StepSettings(Optional.of(mode),
                Optional.of(VacuumMode.PROCESS), new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700),
                OptionalDouble.empty(), OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty()),
                Optional.empty()), Duration.ofHours(100))));
    }

    private static Recipe powerRecipe(String furnace, double kw) {
        return new Recipe("t", furnace, "", "t.yaml", Optional.empty(), List.of(new Step.Soak("hot", 1,
                new StepSettings(Optional.of(HeaterMode.POWER), Optional.of(VacuumMode.PROCESS), new Targets(
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(kw), OptionalDouble.of(300),
                        OptionalDouble.of(500), OptionalDouble.empty()), Optional.empty()), Duration.ofHours(100))));
    }

    private static void assertHeaterOn(OutputImage out, FurnaceProfile profile) {
        assertTrue(out.isOn(Signal.HEATER_ENABLE));
        assertTrue(out.isOn(Signal.PS1_OUTPUT_ENABLE));
        double total = out.value(Signal.PS1_POWER_SP_KW)
                + (profile.zones() > 1 ? out.value(Signal.PS2_POWER_SP_KW) : 0.0);
        assertTrue(total > profile.interlocks().pyrometerFailurePowerKw(), "heater energised with " + total + " kW");
    }

    private static void assertHeaterOff(OutputImage out, FurnaceProfile profile) {
        assertFalse(out.isOn(Signal.HEATER_ENABLE));
        assertFalse(out.isOn(Signal.PS1_OUTPUT_ENABLE));
        assertEquals(0.0, out.value(Signal.PS1_POWER_SP_KW));
        if (profile.zones() > 1) {
            assertFalse(out.isOn(Signal.PS2_OUTPUT_ENABLE));
            assertEquals(0.0, out.value(Signal.PS2_POWER_SP_KW));
        }
    }

    private static void set(ProcessImage in, Signal signal, double value) {
        in.update(signal, value, Quality.GOOD);
    }
}
