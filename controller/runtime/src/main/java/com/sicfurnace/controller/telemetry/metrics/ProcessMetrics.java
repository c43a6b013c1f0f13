package com.sicfurnace.controller.telemetry.metrics;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The key process values, the run's state and the active alarms by priority as gauges, read from the latest
 * snapshot the core published when Prometheus scrapes: the scan thread does nothing for them. Each gauge shows a
 * value of the furnace's catalogue in the units its name says; NaN before the first scan, where an input cannot be
 * used (bad or stale) and where the core has no value (no setpoint yet).
 */
public final class ProcessMetrics implements MeterBinder {
    /** A gauge: its meter name, base unit and description, and the catalogue value it shows. */
    private record Value(String name, String unit, String description, String item) {
    }

    private static final List<Value> VALUES = List.of(
            new Value("furnace.seed.temperature", "celsius", "Seed (top pyrometer) temperature", "pyro_top_c"),
            new Value("furnace.seed.temperature.setpoint", "celsius", "Seed temperature setpoint", "seed_sp_c"),
            new Value("furnace.source.temperature", "celsius", "Source (bottom pyrometer) temperature",
                    "pyro_bottom_c"),
            new Value("furnace.source.temperature.setpoint", "celsius", "Source temperature setpoint", "source_sp_c"),
            new Value("furnace.chamber.pressure", "mbar", "Chamber pressure from the gauge that fits the range",
                    "pressure_mbar"),
            new Value("furnace.chamber.pressure.setpoint", "mbar", "Chamber pressure setpoint", "pressure_sp_mbar"),
            new Value("furnace.heater.power", "kilowatts", "Total heater power commanded", "power_demand_kw"),
            new Value("furnace.argon.flow", "sccm", "Argon flow", "ar_flow_sccm"),
            new Value("furnace.nitrogen.flow", "sccm", "Nitrogen flow", "n2_flow_sccm"),
            new Value("furnace.throttle.position", "percent", "Throttle valve position", "throttle_valve_pct"),
            new Value("furnace.turbo.speed", "percent", "Turbo pump speed", "turbo_pump_speed_pct"),
            new Value("furnace.insulation.temperature", "celsius", "Insulation thermocouple temperature",
                    "tc_insulation_c"),
            new Value("furnace.coil.water.flow", "liters_per_minute", "Coil cooling water flow",
                    "water_coil_flow_lpm"),
            new Value("furnace.recipe.step", null, "Recipe step running, from 1 (0 before the start)", "step_number"),
            new Value("furnace.interlocks.active", null, "Rows of the interlock matrix active", "interlocks_active"));

    private final ScanFeed feed;
    private final Catalogue catalogue;
    private boolean bound;

    public ProcessMetrics(ScanFeed feed, Catalogue catalogue) {
        this.feed = feed;
        this.catalogue = catalogue;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (bound) {
            throw new IllegalStateException("the process meters are already bound");
        }
        for (Value v : VALUES) {
            CatalogueItem item = catalogue.item(v.item());
            register(registry, Gauge.builder(v.name(), this, m -> m.read(s -> usable(item, s))).baseUnit(v.unit())
                    .description(v.description()));
        }
        for (AlarmPriority priority : AlarmPriority.values()) {
            register(registry, Gauge.builder("furnace.alarms.active", this, m -> m.read(s -> active(s, priority)))
                    .description("Active alarms (acknowledged or not) of this priority")
                    .tag("priority", priority.name().toLowerCase(Locale.ROOT)));
        }
        for (RunState state : RunState.values()) {
            register(registry, Gauge.builder("furnace.run.state", this,
                            m -> m.read(s -> s.run().state() == state ? 1 : 0))
                    .description("1 for the recipe run's present state, 0 for the others")
                    .tag("state", state.label()));
        }
        bound = true;
    }

    private static void register(MeterRegistry registry, Gauge.Builder<ProcessMetrics> gauge) {
        gauge.strongReference(true).register(registry);
    }

    private double read(ToDoubleFunction<ScanSnapshot> value) {
        Optional<ScanSnapshot> latest = feed.latest();
        return latest.isPresent() ? value.applyAsDouble(latest.get()) : Double.NaN;
    }

    private static double usable(CatalogueItem item, ScanSnapshot snapshot) {
        return item.quality(snapshot).usable() ? item.number(snapshot) : Double.NaN;
    }

    private static double active(ScanSnapshot snapshot, AlarmPriority priority) {
        int count = 0;
        for (AlarmId id : snapshot.activeAlarms()) {
            if (snapshot.alarmBoard().priorities().get(id) == priority) {
                count++;
            }
        }
        return count;
    }
}
