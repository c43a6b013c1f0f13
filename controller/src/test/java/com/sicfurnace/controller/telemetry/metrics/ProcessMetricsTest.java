package com.sicfurnace.controller.telemetry.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.app.ProfileLoader;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.iolist.IoList;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The process gauges show what the last scan left, published by the scan listener. */
class ProcessMetricsTest {
    private final FurnaceProfile profile = ProfileLoader.shipped("6inch");
    private final FurnaceController controller = new FurnaceController(profile, soak());
    private final ProcessImage in = healthy();
    private final OutputImage out = new OutputImage();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessMetrics metrics = new ProcessMetrics();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private static Recipe soak() {
        Targets targets = new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700), OptionalDouble.empty(),
                OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty());
        return new Recipe("t", "6inch", "", "t.yaml", Optional.empty(), List.of(new Step.Soak("soak", 1,
                new StepSettings(Optional.of(HeaterMode.TEMPERATURE), Optional.of(VacuumMode.PROCESS), targets,
                        Optional.empty()), Duration.ofHours(10))));
    }

    /** Every device has reported; a furnace at 1500 °C under 300 mbar with 480 sccm of argon. */
    private static ProcessImage healthy() {
        ProcessImage image = new ProcessImage(IoList.fromClasspath().forFurnace("6inch"));
        for (Signal s : Signal.values()) {
            if (s.isInput() && image.present(s)) {
                image.update(s, image.minimum(s), Quality.GOOD);
            }
        }
        for (Signal s : List.of(Signal.LID_CLOSED, Signal.CABINET_DOOR_CLOSED, Signal.HEATER_CONTACTOR_CLOSED,
                Signal.CHILLER_RUNNING, Signal.ROUGHING_PUMP_RUNNING)) {
            image.update(s, 1.0, Quality.GOOD);
        }
        image.update(Signal.PYRO_TOP_C, 1500.0, Quality.GOOD);
        image.update(Signal.PYRO_BOTTOM_C, 1600.0, Quality.GOOD);
        image.update(Signal.CDG_PRESSURE_MBAR, 300.0, Quality.GOOD);
        image.update(Signal.PIRANI_PRESSURE_MBAR, 300.0, Quality.GOOD);
        image.update(Signal.AR_FLOW_SCCM, 480.0, Quality.GOOD);
        image.update(Signal.WATER_COIL_FLOW_LPM, 40.0, Quality.GOOD);
        image.update(Signal.WATER_CHAMBER_FLOW_LPM, 45.0, Quality.GOOD);
        image.update(Signal.WATER_PS_FLOW_LPM, 25.0, Quality.GOOD);
        return image;
    }

    private void scan() {
        now = now.plusMillis(100);
        controller.scan(in, out, now);
        metrics.afterScan(controller, in, out, Instant.EPOCH);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double alarms(String priority) {
        return registry.get("furnace.alarms.active").tag("priority", priority).gauge().value();
    }

    @Test
    void theGaugesShowTheLastScan() {
        metrics.bindTo(registry);
        assertTrue(Double.isNaN(gauge("furnace.seed.temperature")), "nothing known before the first scan");
        assertEquals(1.0, registry.get("furnace.run.state").tag("state", "ready").gauge().value());
        controller.start();
        scan();
        assertEquals(1500.0, gauge("furnace.seed.temperature"));
        assertEquals(1600.0, gauge("furnace.source.temperature"));
        assertEquals(300.0, gauge("furnace.chamber.pressure"), 1e-9);
        assertEquals(480.0, gauge("furnace.argon.flow"));
        assertEquals(40.0, gauge("furnace.coil.water.flow"));
        assertEquals(controller.state().powerKw(), gauge("furnace.heater.power"));
        assertEquals(1.0, gauge("furnace.recipe.step"));
        assertEquals(1.0, registry.get("furnace.run.state").tag("state", "running").gauge().value());
        assertEquals(0.0, registry.get("furnace.run.state").tag("state", "ready").gauge().value());
        assertEquals(0.0, alarms("high"));

        in.update(Signal.PYRO_TOP_C, Double.NaN, Quality.BAD); // a broken pyrometer: a HIGH alarm
        in.update(Signal.AR_FLOW_SCCM, 480.0, Quality.BAD);
        scan();
        assertEquals(controller.activeAlarms().stream().filter(a -> a.priority().name().equals("HIGH")).count(),
                alarms("high"));
        assertTrue(alarms("high") >= 1, "the pyrometer alarm counted: " + controller.activeAlarms());
        assertTrue(Double.isNaN(gauge("furnace.argon.flow")), "an unusable input shows as NaN");
    }

    @Test
    void nothingIsPublishedBeforeBinding() {
        controller.start();
        scan();
        assertEquals(ProcessSnapshot.NONE, metrics.snapshot());
    }

    @Test
    void bindsOnce() {
        metrics.bindTo(registry);
        assertThrows(IllegalStateException.class, () -> metrics.bindTo(new SimpleMeterRegistry()));
    }
}
