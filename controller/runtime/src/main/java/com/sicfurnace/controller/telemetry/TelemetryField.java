package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.function.Function;

/**
 * One field of the telemetry: where it goes (measurement), its name (with its unit, as in the I/O list), whether it
 * is a state (written on change) or analog (written at a period), and how to read it from a scan's snapshot. The
 * value is a Double, Long, Boolean or String; null means nothing to write this scan (a stale or failed input, a
 * setpoint not yet set).
 */
public record TelemetryField(String measurement, String name, boolean state, Function<ScanSnapshot, Object> value) {
}
