package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.ConditionVariable;

/** What the programmer may see of the furnace: the measurements its steps test and start from. */
public interface ProcessView {
    /** Top (seed) pyrometer, °C. */
    double seedC();

    /** Bottom (source) pyrometer, °C. */
    double sourceC();

    /** Both pyrometers read within range long enough for closed-loop temperature control. */
    boolean temperatureControlAvailable();

    /** Chamber pressure from the best gauge for the range, mbar; NaN if no gauge can read it. */
    double pressureMbar();

    /** Total heater power being commanded, kW. */
    double heaterPowerKw();

    /** A condition variable's value, and whether it can be trusted at all. */
    double value(ConditionVariable variable);

    boolean usable(ConditionVariable variable);
}
