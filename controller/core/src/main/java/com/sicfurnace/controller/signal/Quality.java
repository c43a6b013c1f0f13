package com.sicfurnace.controller.signal;

/**
 * Quality of an input as the core sees it. Adapters report GOOD, BAD (the device says the sensor failed) or
 * STALE (no fresh value from the device); the process image refines GOOD into LIMIT_LOW or LIMIT_HIGH when the
 * value sits at or beyond the end of the signal's range in the I/O list (e.g. a pyrometer below its range).
 */
public enum Quality {
    GOOD, LIMIT_LOW, LIMIT_HIGH, BAD, STALE;

    private static final Quality[] BY_CODE = values();

    /** The value is a real measurement, possibly clamped at a range limit. */
    public boolean usable() {
        return this == GOOD || this == LIMIT_LOW || this == LIMIT_HIGH;
    }

    /** One byte for arrays of qualities. */
    public byte code() {
        return (byte) ordinal();
    }

    public static Quality of(byte code) {
        return BY_CODE[code];
    }
}
