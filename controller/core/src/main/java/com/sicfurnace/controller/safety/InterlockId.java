package com.sicfurnace.controller.safety;

import java.util.Locale;

/** The rows of the interlock matrix (docs/safety.md), in the matrix's order. */
public enum InterlockId {
    EMERGENCY_STOP,
    DOOR_OPEN,
    COIL_WATER_LOW,
    CHAMBER_WATER_LOW,
    SUPPLY_WATER_LOW,
    OVER_TEMPERATURE,
    OVER_PRESSURE,
    PRESSURE_UNKNOWN_WITH_GAS,
    PYROMETER_FAILURE,
    CHILLER_STOPPED,
    PLC_WATCHDOG,
    HEATER_NOT_FOLLOWING,
    COMM_LOSS;

    /** The name as the matrix, journals and the API write it: {@code coil_water_low}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a label; the error names the value and the rows there are. */
    public static InterlockId of(String label) {
        for (InterlockId id : values()) {
            if (id.label().equals(label)) {
                return id;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a row of the interlock matrix; rows: "
                + java.util.Arrays.stream(values()).map(InterlockId::label).toList());
    }
}
