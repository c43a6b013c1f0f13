package com.sicfurnace.controller.control;

import com.sicfurnace.controller.profile.FurnaceProfile;

/**
 * Chamber pressure by the throttle valve. The loop works on the relative pressure {@code p / sp}, so one tuning
 * holds from backfill (hundreds of mbar) to growth (a few mbar): the equal-percentage valve gives about the same
 * relative change of pressure per percent of travel across that span. Outside PROCESS mode it tracks the
 * throttle position the vacuum sequencer commands.
 */
public final class PressureControl {
    private final Pid loop;

    public PressureControl(FurnaceProfile profile) {
        this.loop = new Pid(profile.loops().pressure());
    }

    /** Throttle position in % for the setpoint and measured chamber pressure. */
    public double update(double setpointMbar, double pressureMbar, double dtS) {
        return loop.update(1.0, pressureMbar / setpointMbar, dtS);
    }

    public Pid loop() {
        return loop;
    }

    public void track(double throttlePct, double setpointMbar, double pressureMbar) {
        // without a usable pressure or setpoint the loop tracks as if at its setpoint: never a NaN in its state
        double relative = Double.isNaN(setpointMbar) || setpointMbar <= 0 || Double.isNaN(pressureMbar) ? 1.0
                : pressureMbar / setpointMbar;
        loop.track(throttlePct, 1.0, relative);
    }
}
