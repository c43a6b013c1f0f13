package com.sicfurnace.controller.alarm;

/**
 * What an alarm watches. HIGH, LOW, DEVIATION, RATE, DISCRETE and COMMUNICATION alarms are evaluated from a
 * profile's definitions; SYSTEM and TRIP alarms are conditions the core (or one of the controller's services) reports
 * itself. TRIP alarms are never shelved and take part in first-out.
 */
public enum AlarmKind {
    /** The value above {@code limit}; clears below {@code limit - deadband}. */
    HIGH,
    /** The value below {@code limit}; clears above {@code limit + deadband}. */
    LOW,
    /** |value - setpoint| above {@code limit} (in % of the setpoint with {@code relative}). */
    DEVIATION,
    /** |rate of change| above {@code limit}, in units per minute, filtered over {@code window_s}. */
    RATE,
    /** A boolean input on, off, or a sensor reported failed ({@code when: on | off | bad}). */
    DISCRETE,
    /** Any of {@code devices} lost (inputs stale beyond the profile's {@code comm.stale_scans}). */
    COMMUNICATION,
    /** A condition the controller reports itself (a run held, an aborted run, telemetry). */
    SYSTEM,
    /** An interlock trip latched. */
    TRIP;

    public boolean evaluatedFromData() {
        return this != SYSTEM && this != TRIP;
    }
}
