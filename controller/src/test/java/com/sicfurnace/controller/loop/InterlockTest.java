package com.sicfurnace.controller.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.app.ProfileLoader;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.safety.Trip;
import java.time.Duration;
import java.time.Instant;
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
    private static final double SCAN_S = 0.1;

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
        FurnaceProfile profile = ProfileLoader.shipped(furnace);
        FurnaceController controller = new FurnaceController(profile, heatingRecipe(furnace, mode));
        ProcessImage in = HealthyFurnace.image(furnace);
        OutputImage out = new OutputImage();
        Clock clock = new Clock();
        controller.start();
        scan(controller, in, out, clock, 6000); // ten minutes: the loops reach well above the 5 kW blind-heating limit
        assertHeaterOn(out, profile);

        fault.inject().accept(in);
        scan(controller, in, out, clock, 30); // longer than the water-flow debounce
        assertHeaterOff(out, profile);
        assertTrue(controller.latchedTrips().contains(fault.trip()), "latched " + controller.latchedTrips());
        assertEquals(Programmer.State.HELD, controller.programmer().state());
        assertFalse(controller.resume(), "no resume while a trip is latched");

        assertTrue(controller.resetInterlocks().contains(fault.trip()), "reset refused while the cause is present");
        fault.clear().accept(in);
        scan(controller, in, out, clock, 30);
        assertHeaterOff(out, profile); // the cause is gone, but the trip stays latched until reset
        assertTrue(controller.resetInterlocks().isEmpty());
        assertTrue(controller.resume());
        scan(controller, in, out, clock, 6000);
        assertHeaterOn(out, profile);
    }

    @Test
    void aFailedPyrometerAtLowPowerRaisesAnAlarmButNoTrip() {
        FurnaceProfile profile = ProfileLoader.shipped("6inch");
        FurnaceController controller = new FurnaceController(profile, powerRecipe("6inch", 3.0));
        ProcessImage in = HealthyFurnace.image("6inch");
        OutputImage out = new OutputImage();
        Clock clock = new Clock();
        controller.start();
        in.update(Signal.PYRO_TOP_C, 3000, Quality.BAD);
        scan(controller, in, out, clock, 600);
        assertTrue(controller.latchedTrips().isEmpty());
        assertEquals(3.0, out.value(Signal.PS1_POWER_SP_KW), 1e-9);
        assertTrue(controller.drainAlarmEvents().stream()
                .anyMatch(e -> e.alarm() == AlarmId.PYROMETER_TOP_FAILED));
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

    private static void scan(FurnaceController c, ProcessImage in, OutputImage out, Clock clock, int scans) {
        for (int i = 0; i < scans; i++) {
            c.scan(in, out, clock.next());
        }
    }

    /** Scan times 100 ms apart. */
    private static final class Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        Instant next() {
            now = now.plus(Duration.ofMillis((long) (SCAN_S * 1000)));
            return now;
        }
    }
}
