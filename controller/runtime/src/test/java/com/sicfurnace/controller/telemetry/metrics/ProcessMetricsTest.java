package com.sicfurnace.controller.telemetry.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.StepSettings;
import com.sicfurnace.controller.recipe.Targets;
import com.sicfurnace.controller.recipe.VacuumMode;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.iolist.IoList;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The process gauges show what the last scan left, read from the core's latest snapshot when scraped. */
class ProcessMetricsTest {
    private final ScanFeed feed = new ScanFeed();
    private final CoreRig rig = new CoreRig("6inch", soak(), () -> null, feed);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessMetrics metrics = new ProcessMetrics(feed,
            Catalogue.of(IoList.fromClasspath().forFurnace("6inch")));

    private static Recipe soak() {
        Targets targets = new Targets(OptionalDouble.of(1600), OptionalDouble.of(1700), OptionalDouble.empty(),
                OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.empty());
        return new Recipe("t", "6inch", "", "t.yaml", Optional.empty(), List.of(new Step.Soak("soak", 1,
                new StepSettings(Optional.of(HeaterMode.TEMPERATURE), Optional.of(VacuumMode.PROCESS), targets,
                        Optional.empty()), Duration.ofHours(10))));
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double state(String state) {
        return registry.get("furnace.run.state").tag("state", state).gauge().value();
    }

    private double alarms(String priority) {
        return registry.get("furnace.alarms.active").tag("priority", priority).gauge().value();
    }

    @Test
    void theGaugesShowTheLastScan() {
        metrics.bindTo(registry);
        assertTrue(Double.isNaN(gauge("furnace.seed.temperature")), "nothing known before the first scan");
        assertTrue(Double.isNaN(state("ready")), "not even the run's state");
        rig.in.update(Signal.AR_FLOW_SCCM, 480.0, Quality.GOOD);
        rig.startRun();
        rig.scans(1); // the gauges read again what the test set after the start's pump-down
        assertEquals(1500.0, gauge("furnace.seed.temperature"));
        assertEquals(1600.0, gauge("furnace.source.temperature"));
        assertEquals(300.0, gauge("furnace.chamber.pressure"), 1e-9);
        assertEquals(480.0, gauge("furnace.argon.flow"));
        assertEquals(40.0, gauge("furnace.coil.water.flow"));
        assertEquals(rig.last().loops().powerDemandKw(), gauge("furnace.heater.power"));
        assertEquals(1.0, gauge("furnace.recipe.step"));
        assertEquals(1.0, state("running"));
        assertEquals(0.0, state("ready"));
        assertEquals(0.0, alarms("high"));

        rig.in.update(Signal.PYRO_TOP_C, Double.NaN, Quality.BAD); // a broken pyrometer: a HIGH alarm
        rig.in.update(Signal.AR_FLOW_SCCM, 480.0, Quality.BAD);
        rig.scans(1);
        Map<AlarmId, AlarmPriority> priorities = rig.last().alarmBoard().priorities();
        assertEquals(rig.last().activeAlarms().stream().filter(a -> priorities.get(a) == AlarmPriority.HIGH).count(),
                alarms("high"));
        assertTrue(alarms("high") >= 1, "the pyrometer alarm counted: " + rig.last().activeAlarms());
        assertTrue(Double.isNaN(gauge("furnace.argon.flow")), "an unusable input shows as NaN");
        assertTrue(Double.isNaN(gauge("furnace.seed.temperature")), "the broken pyrometer too");
    }

    @Test
    void bindsOnce() {
        metrics.bindTo(registry);
        assertThrows(IllegalStateException.class, () -> metrics.bindTo(new SimpleMeterRegistry()));
    }
}
