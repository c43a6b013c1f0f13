package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.VacuumMode;

/**
 * What the control loops were doing after a scan: setpoints in force (NaN where none exists, e.g. no seed setpoint
 * before closed-loop control), the chamber pressure the pressure loop sees (NaN while no gauge gives a usable
 * reading), the heater power asked of the supplies, which loops controlled and the modes. The gas flows asked of
 * the MFCs are outputs (ar_flow_sp_sccm, n2_flow_sp_sccm).
 *
 * @param powerDemandKw   total heater power commanded this scan, whatever the mode
 * @param powerSetpointKw the open-loop power setpoint in power mode, 0 otherwise
 * @param vacuumMode      the vacuum mode in force (a leak check isolates the chamber whatever the step's mode)
 */
public record LoopStatus(double seedSetpointC, double sourceSetpointC, double pressureSetpointMbar,
                         double pressureMbar, double powerDemandKw, double powerSetpointKw,
                         boolean temperatureControlled, boolean pressureControlled, HeaterMode heaterMode,
                         VacuumMode vacuumMode) {
    /** Before the first scan with every input: nothing controlled, nothing set. */
    public static final LoopStatus NONE = new LoopStatus(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.0, 0.0,
            false, false, HeaterMode.OFF, VacuumMode.VENT);

    /** |seed - setpoint| in K while the seed loop controls, 0 otherwise. */
    public double seedDeviationK(double seedC) {
        return temperatureControlled ? Math.abs(seedC - seedSetpointC) : 0.0;
    }

    /** |p - setpoint| / setpoint in % while the pressure loop controls, 0 otherwise. */
    public double pressureDeviationPct() {
        return pressureControlled ? Math.abs(pressureMbar - pressureSetpointMbar) / pressureSetpointMbar * 100.0
                : 0.0;
    }
}
