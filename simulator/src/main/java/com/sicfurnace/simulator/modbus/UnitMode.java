package com.sicfurnace.simulator.modbus;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the simulated device behind one Modbus unit id answers, so that the controller's handling of lost and
 * failing field devices can be exercised. Switchable at run time with {@link ModbusDeviceServer#setUnitMode}.
 */
public enum UnitMode {
    /** Answers like a healthy device. */
    NORMAL,
    /**
     * Reads every request for the unit and never answers it, like a device that lost power behind a gateway: the
     * master times out. A request dropped while silent is never answered later, even after the unit is back to
     * {@link #NORMAL}.
     */
    SILENT,
    /** Closes the TCP connection, without an answer, as soon as a request for the unit arrives. */
    CLOSE,
    /** Answers every request for the unit with exception code 4 (slave device failure). */
    EXCEPTION;

    /** The mode named {@code text}, case-insensitive: normal, silent, close or exception. */
    public static UnitMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Modbus unit mode must be one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", not '" + text + "'", e);
        }
    }
}
