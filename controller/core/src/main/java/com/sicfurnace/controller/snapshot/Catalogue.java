package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which values a furnace's snapshots hold, with their names and units: every signal of its I/O list (inputs as
 * read, outputs as commanded), the induction supplies' DC-equivalent resistance, and the controller's own values
 * (setpoints, loops and modes in {@code control}; the run in {@code run}). The one list that the report, telemetry,
 * metrics and the API read the core by.
 *
 * <p>A signal's group is its subsystem: the folder of its OPC UA node (heating, temperature, vacuum, gas, safety,
 * system) for the PLC, the subsystem a field device serves for Modbus.
 */
public final class Catalogue {
    private static final Map<String, String> DEVICE_SUBSYSTEM = Map.of("ps1", "heating", "ps2", "heating",
            "mfc_ar", "gas", "mfc_n2", "gas", "gauges", "vacuum", "chiller", "cooling");

    private final Map<String, CatalogueItem> items = new LinkedHashMap<>();

    private Catalogue(List<CatalogueItem> list) {
        for (CatalogueItem item : list) {
            if (items.put(item.name(), item) != null) {
                throw new IllegalStateException("two catalogue values are named " + item.name());
            }
        }
    }

    /** The catalogue of the furnace whose I/O list (filtered for its variant) this is. */
    public static Catalogue of(IoList furnaceSignals) {
        List<CatalogueItem> list = new ArrayList<>();
        for (SignalSpec spec : furnaceSignals.signals()) {
            list.add(CatalogueItem.signal(Signal.byIoName(spec.name()), type(spec), subsystem(spec),
                    spec.description()));
        }
        if (present(furnaceSignals, Signal.PS1_DC_VOLTAGE_V, Signal.PS1_DC_CURRENT_A)) {
            list.add(resistance("ps1_dc_resistance_ohm", Signal.PS1_DC_VOLTAGE_V, Signal.PS1_DC_CURRENT_A));
        }
        if (present(furnaceSignals, Signal.PS2_DC_VOLTAGE_V, Signal.PS2_DC_CURRENT_A)) {
            list.add(resistance("ps2_dc_resistance_ohm", Signal.PS2_DC_VOLTAGE_V, Signal.PS2_DC_CURRENT_A));
        }
        list.addAll(ControllerValues.control());
        list.addAll(ControllerValues.run());
        return new Catalogue(list);
    }

    /** Every value, signals first in I/O-list order. */
    public List<CatalogueItem> items() {
        return List.copyOf(items.values());
    }

    /**
     * The value of this name.
     *
     * @throws IllegalArgumentException naming the value if this furnace has none of that name
     */
    public CatalogueItem item(String name) {
        CatalogueItem item = items.get(name);
        if (item == null) {
            throw new IllegalArgumentException("unknown value '" + name + "': this furnace's catalogue has no such "
                    + "value (see docs/telemetry.md for the list)");
        }
        return item;
    }

    public boolean contains(String name) {
        return items.containsKey(name);
    }

    /** The subsystem a signal of the I/O list belongs to. */
    static String subsystem(SignalSpec spec) {
        if (spec.protocol() == Protocol.OPCUA) {
            String path = spec.nodeId().orElseThrow().replaceFirst("^.*;s=", "");
            String[] parts = path.split("/");
            return (parts.length > 2 ? parts[1] : parts[0]).toLowerCase(Locale.ROOT);
        }
        return DEVICE_SUBSYSTEM.getOrDefault(spec.device(), spec.device());
    }

    private static CatalogueItem.Type type(SignalSpec spec) {
        if (spec.isBoolean()) {
            return CatalogueItem.Type.BOOLEAN;
        }
        return spec.dataType() == DataType.UINT32 ? CatalogueItem.Type.INTEGER : CatalogueItem.Type.NUMBER;
    }

    private static boolean present(IoList furnaceSignals, Signal... signals) {
        for (Signal s : signals) {
            if (furnaceSignals.signals().stream().noneMatch(spec -> spec.name().equals(s.ioName()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The induction inverter's DC voltage over DC current: it drifts with the hot zone's state, worth trending over a
     * run. NaN while no current flows.
     */
    private static CatalogueItem resistance(String name, Signal voltage, Signal current) {
        return CatalogueItem.derived(name, "ohm", "heating",
                "DC-equivalent resistance of the induction supply: " + voltage.ioName() + " / " + current.ioName(),
                s -> s.value(current) > 0 ? s.value(voltage) / s.value(current) : Double.NaN, voltage, current);
    }
}
