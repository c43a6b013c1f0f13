package com.sicfurnace.controller.control;

import com.sicfurnace.controller.recipe.HeaterMode;

/**
 * What the programmer asks of the heater this scan. Temperatures are NaN until the programmer has setpoints for
 * them (below the pyrometers' range a temperature step has none yet and the heater runs open loop). A held run
 * ({@code held}) asks for no more power than it has: the open-loop ramp stands still too.
 */
public record HeaterDemand(HeaterMode mode, double seedC, double sourceC, double powerKw, boolean held) {
    public boolean closedLoop() {
        return mode == HeaterMode.TEMPERATURE && !Double.isNaN(seedC) && !Double.isNaN(sourceC);
    }
}
