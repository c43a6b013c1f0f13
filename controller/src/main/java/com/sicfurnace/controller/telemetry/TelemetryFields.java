package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The telemetry of a furnace: every signal of its I/O list (inputs with their quality, outputs as commanded) and
 * the controller's setpoints, loops and run state. One measurement per subsystem: a PLC signal belongs to the
 * folder of its OPC UA node (heating, temperature, vacuum, gas, safety, system), a field device to the subsystem
 * it serves; the controller's own values go to {@code control} and {@code run}.
 */
public final class TelemetryFields {
    private static final Map<String, String> DEVICE_SUBSYSTEM = Map.of("ps1", "heating", "ps2", "heating",
            "mfc_ar", "gas", "mfc_n2", "gas", "gauges", "vacuum", "chiller", "cooling");

    private TelemetryFields() {
    }

    public static List<TelemetryField> standard(IoList furnaceSignals) {
        List<TelemetryField> fields = new ArrayList<>();
        for (SignalSpec spec : furnaceSignals.signals()) {
            fields.addAll(signal(spec));
        }
        fields.addAll(control());
        fields.addAll(run());
        return List.copyOf(fields);
    }

    /** The measurement a signal of the I/O list belongs to. */
    static String subsystem(SignalSpec spec) {
        if (spec.protocol() == Protocol.OPCUA) {
            String path = spec.nodeId().orElseThrow().replaceFirst("^.*;s=", "");
            String[] parts = path.split("/");
            return (parts.length > 2 ? parts[1] : parts[0]).toLowerCase(Locale.ROOT);
        }
        return DEVICE_SUBSYSTEM.getOrDefault(spec.device(), spec.device());
    }

    private static List<TelemetryField> signal(SignalSpec spec) {
        Signal signal = Signal.byIoName(spec.name());
        String measurement = subsystem(spec);
        boolean integer = spec.dataType() == DataType.UINT32;
        if (spec.direction() == Direction.OUT) {
            return List.of(new TelemetryField(measurement, spec.name(), spec.isBoolean(),
                    v -> typed(v.out().value(signal), spec.isBoolean(), integer)));
        }
        TelemetryField value = new TelemetryField(measurement, spec.name(), spec.isBoolean(), v -> {
            Quality quality = v.in().quality(signal);
            return quality == Quality.BAD || quality == Quality.STALE ? null
                    : typed(v.in().value(signal), spec.isBoolean(), integer);
        });
        TelemetryField quality = new TelemetryField(measurement, spec.name() + "_quality", true,
                v -> quality(v.in().quality(signal)));
        return List.of(value, quality);
    }

    /**
     * Good, bad or stale. A reading at the end of its range is good here: the value says so, and a noisy reading
     * near a range end would otherwise flip its quality every scan.
     */
    private static String quality(Quality quality) {
        return quality == Quality.BAD || quality == Quality.STALE ? quality.name().toLowerCase(Locale.ROOT) : "good";
    }

    private static Object typed(double value, boolean bool, boolean integer) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (bool) {
            return value != 0.0;
        }
        return integer ? (Object) (long) value : (Object) value;
    }

    private static List<TelemetryField> control() {
        return List.of(
                new TelemetryField("control", "seed_sp_c", false, v -> v.controller().state().seedSetpointC()),
                new TelemetryField("control", "source_sp_c", false, v -> v.controller().state().sourceSetpointC()),
                new TelemetryField("control", "pressure_sp_mbar", false,
                        v -> v.controller().state().pressureSetpointMbar()),
                new TelemetryField("control", "pressure_mbar", false, v -> v.controller().state().pressureMbar()),
                new TelemetryField("control", "power_demand_kw", false, v -> v.controller().state().powerKw()),
                new TelemetryField("control", "temperature_loop", true,
                        v -> v.controller().state().temperatureControlled()),
                new TelemetryField("control", "pressure_loop", true, v -> v.controller().state().pressureControlled()),
                new TelemetryField("control", "heater_mode", true,
                        v -> lower(v.controller().programmer().heaterMode())));
    }

    private static List<TelemetryField> run() {
        return List.of(
                new TelemetryField("run", "state", true, v -> lower(v.controller().programmer().state())),
                new TelemetryField("run", "hold_reason", true, v -> lower(v.controller().programmer().holdReason())),
                new TelemetryField("run", "step_number", true, v -> (long) v.controller().programmer().stepIndex() + 1),
                new TelemetryField("run", "step_name", true, v -> stepName(v.controller().programmer())),
                new TelemetryField("run", "active_alarms", true, v -> (long) v.controller().activeAlarms().size()),
                new TelemetryField("run", "latched_trips", true, v -> (long) v.controller().latchedTrips().size()));
    }

    private static String stepName(Programmer programmer) {
        return programmer.step() == null ? "" : programmer.step().name();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
