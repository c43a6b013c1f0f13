package com.sicfurnace.controller.alarm;

/**
 * The furnace states that suppress alarms by design (a definition's {@code suppress_when}): while one of them
 * holds, the alarm's condition is expected and meaningless, so it is not evaluated and shows SUPPRESSED.
 */
public enum OperatingState {
    /** No run in progress: ready, complete or aborted. */
    IDLE,
    /** A ramp step runs: setpoints move, the process lags by design. */
    RAMPING,
    /** The run is held: setpoints stand still wherever the hold found them. */
    HELD,
    /** A wait or leak-check step runs. */
    WAITING,
    /** A soak has run for less than the profile's {@code alarms.settle_s}: the furnace settles from the step before. */
    SETTLING,
    /** The vacuum system vents the chamber to atmosphere. */
    VENTING,
    /** The vacuum system evacuates the chamber (rough or high-vacuum mode): its pressure falls from wherever it was. */
    PUMPING_DOWN,
    /** The heater is off. */
    HEATER_OFF;

    private final int bit = 1 << ordinal();

    /** This state as one bit of a set of states (an {@code int}, so that a scan's states cost no allocation). */
    public int bit() {
        return bit;
    }
}
