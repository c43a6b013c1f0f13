package com.sicfurnace.controller.safety;

import java.util.Locale;

/** What an interlock row does to the heater. Every effect also holds the run. */
public enum Effect {
    /** Heater off in the same scan: enables false, power setpoints zero. */
    HARD_TRIP,
    /** Heater power ramped down to zero at the profile's soft-trip rate, then off. */
    SOFT_TRIP,
    /** The programmer is frozen; the heater stays as the row's other effects leave it. */
    HOLD;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
