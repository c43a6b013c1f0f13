package com.sicfurnace.controller.telemetry.metrics;

import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.runtime.ScanRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The key process values, the run's state and the active alarms by priority as gauges. The scan thread publishes
 * an immutable {@link ProcessSnapshot} after every scan (one volatile write); the gauges read the latest snapshot
 * when Prometheus scrapes, so the core is never read from another thread. Until bound, nothing is published.
 */
public final class ProcessMetrics implements MeterBinder, ScanRunner.ScanListener {
    private record Value(String name, String unit, String description, ToDoubleFunction<ProcessSnapshot> read) {
    }

    private static final List<Value> VALUES = List.of(
            new Value("furnace.seed.temperature", "celsius", "Seed (top pyrometer) temperature",
                    ProcessSnapshot::seedC),
            new Value("furnace.seed.temperature.setpoint", "celsius", "Seed temperature setpoint",
                    ProcessSnapshot::seedSetpointC),
            new Value("furnace.source.temperature", "celsius", "Source (bottom pyrometer) temperature",
                    ProcessSnapshot::sourceC),
            new Value("furnace.source.temperature.setpoint", "celsius", "Source temperature setpoint",
                    ProcessSnapshot::sourceSetpointC),
            new Value("furnace.chamber.pressure", "mbar", "Chamber pressure from the gauge that fits the range",
                    ProcessSnapshot::pressureMbar),
            new Value("furnace.chamber.pressure.setpoint", "mbar", "Chamber pressure setpoint",
                    ProcessSnapshot::pressureSetpointMbar),
            new Value("furnace.heater.power", "kilowatts", "Total heater power commanded",
                    ProcessSnapshot::heaterPowerKw),
            new Value("furnace.argon.flow", "sccm", "Argon flow", ProcessSnapshot::argonSccm),
            new Value("furnace.nitrogen.flow", "sccm", "Nitrogen flow", ProcessSnapshot::nitrogenSccm),
            new Value("furnace.throttle.position", "percent", "Throttle valve position", ProcessSnapshot::throttlePct),
            new Value("furnace.turbo.speed", "percent", "Turbo pump speed", ProcessSnapshot::turboSpeedPct),
            new Value("furnace.insulation.temperature", "celsius", "Insulation thermocouple temperature",
                    ProcessSnapshot::insulationC),
            new Value("furnace.coil.water.flow", "liters_per_minute", "Coil cooling water flow",
                    ProcessSnapshot::coilWaterLpm),
            new Value("furnace.recipe.step", null, "Recipe step running, from 1 (0 before the start)",
                    ProcessSnapshot::step),
            new Value("furnace.interlocks.latched", null, "Interlock trips latched", ProcessSnapshot::latchedTrips));

    private volatile ProcessSnapshot snapshot = ProcessSnapshot.NONE;
    private volatile boolean bound;

    @Override
    public void afterScan(FurnaceController controller, ProcessImage in, OutputImage out, Instant scanTime) {
        if (bound) {
            snapshot = ProcessSnapshot.of(controller, in);
        }
    }

    /** The snapshot the gauges show now. */
    public ProcessSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (bound) {
            throw new IllegalStateException("the process meters are already bound");
        }
        for (Value v : VALUES) {
            Gauge.builder(v.name(), this, m -> v.read().applyAsDouble(m.snapshot)).baseUnit(v.unit())
                    .description(v.description()).strongReference(true).register(registry);
        }
        for (AlarmPriority priority : AlarmPriority.values()) {
            Gauge.builder("furnace.alarms.active", this, m -> m.snapshot.activeAlarms(priority))
                    .description("Active alarms (acknowledged or not) of this priority")
                    .tag("priority", priority.name().toLowerCase(Locale.ROOT)).strongReference(true)
                    .register(registry);
        }
        for (Programmer.State state : Programmer.State.values()) {
            Gauge.builder("furnace.run.state", this, m -> m.snapshot.state() == state ? 1 : 0)
                    .description("1 for the recipe run's present state, 0 for the others")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).strongReference(true)
                    .register(registry);
        }
        bound = true;
    }
}
