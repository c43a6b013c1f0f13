package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The telemetry of a furnace: every value of its catalogue (the I/O list's signals, inputs with their quality and
 * outputs as commanded; the supplies' DC resistance; the controller's setpoints, loops and run state), one
 * measurement per catalogue group: a subsystem of the furnace, or the controller's {@code control} and {@code run}.
 */
public final class TelemetryFields {
    private TelemetryFields() {
    }

    public static List<TelemetryField> standard(Catalogue catalogue) {
        List<TelemetryField> fields = new ArrayList<>();
        for (CatalogueItem item : catalogue.items()) {
            fields.add(new TelemetryField(item.group(), item.name(), item.discrete(), s -> value(item, s)));
            if (item.isInput()) {
                fields.add(new TelemetryField(item.group(), item.name() + "_quality", true,
                        s -> quality(item.quality(s))));
            }
        }
        return List.copyOf(fields);
    }

    /** Nothing for a failed or stale measurement, nor for a number that is not finite (no setpoint yet). */
    private static Object value(CatalogueItem item, ScanSnapshot snapshot) {
        if (item.measured() && unknown(item.quality(snapshot))) {
            return null;
        }
        if (item.type() == CatalogueItem.Type.TEXT) {
            return item.text(snapshot);
        }
        double value = item.number(snapshot);
        if (!Double.isFinite(value)) {
            return null;
        }
        return switch (item.type()) {
            case BOOLEAN -> value != 0.0;
            case INTEGER -> (long) value;
            default -> value;
        };
    }

    /**
     * Good, bad or stale. A reading at the end of its range is good here: the value says so, and a noisy reading
     * near a range end would otherwise flip its quality every scan.
     */
    private static String quality(Quality quality) {
        return unknown(quality) ? quality.name().toLowerCase(Locale.ROOT) : "good";
    }

    private static boolean unknown(Quality quality) {
        return quality == Quality.BAD || quality == Quality.STALE;
    }
}
