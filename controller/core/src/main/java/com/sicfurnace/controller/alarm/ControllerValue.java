package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.signal.Signal;
import java.util.List;
import java.util.Optional;

/**
 * Values of the controller's own that alarm definitions may watch besides the I/O list's inputs: the chamber
 * pressure from the gauge that fits the range, and the loops' setpoints (NaN while their loop does not control).
 */
public enum ControllerValue {
    PRESSURE_MBAR("pressure_mbar", "mbar", List.of(Signal.CDG_PRESSURE_MBAR, Signal.PIRANI_PRESSURE_MBAR)),
    SEED_SP_C("seed_sp_c", "°C", List.of()),
    SOURCE_SP_C("source_sp_c", "°C", List.of()),
    PRESSURE_SP_MBAR("pressure_sp_mbar", "mbar", List.of());

    private final String key;
    private final String unit;
    private final List<Signal> restsOn;

    ControllerValue(String key, String unit, List<Signal> restsOn) {
        this.key = key;
        this.unit = unit;
        this.restsOn = restsOn;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** The inputs the value is made of: while one of them is stale, alarms on the value are masked. */
    public List<Signal> restsOn() {
        return restsOn;
    }

    public static Optional<ControllerValue> byKey(String key) {
        for (ControllerValue v : values()) {
            if (v.key.equals(key)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
