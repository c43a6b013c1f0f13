package com.sicfurnace.controller.safety;

import java.util.Locale;

/**
 * What must hold before the heater may be switched on ({@link #energising()}), and what must have happened in
 * the run before it may heat above the profile's {@code permissives.heating_above_c}.
 */
public enum Permissive {
    DOOR_CLOSED(true, "`lid_closed` and `cabinet_door_closed` on"),
    WATER_FLOWING(true, "coil, chamber and supply water flows at or above their minimums"),
    NO_INTERLOCK_ACTIVE(true, "no latched row of the interlock matrix"),
    VACUUM_REACHED(false, "the chamber reached `permissives.vacuum_reached_mbar` in this run"),
    LEAK_CHECK_PASSED(false, "a leak check passed in this run (if `permissives.leak_check_required`)");

    private final boolean energising;
    private final String condition;

    Permissive(boolean energising, String condition) {
        this.energising = energising;
        this.condition = condition;
    }

    /** Needed to start a run and to switch the heater on; otherwise needed to heat above the threshold. */
    public boolean energising() {
        return energising;
    }

    public String condition() {
        return condition;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
