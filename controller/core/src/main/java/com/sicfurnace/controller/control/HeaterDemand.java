package com.sicfurnace.controller.control;

import com.sicfurnace.controller.recipe.HeaterMode;

/**
 * What the programmer asks of the heater this scan. Temperatures are NaN until the programmer has setpoints for
 * them (below the pyrometers' range a temperature step has none yet and the heater runs open loop).
 */
public record HeaterDemand(HeaterMode mode, double seedC, double sourceC, double powerKw) {
    public boolean closedLoop() {
        return mode == HeaterMode.TEMPERATURE && !Double.isNaN(seedC) && !Double.isNaN(sourceC);
    }
}
