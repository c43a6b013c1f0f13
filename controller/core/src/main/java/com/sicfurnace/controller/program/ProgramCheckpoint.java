package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.util.Objects;

/**
 * Everything the programmer needs to go on with a run where it stood: its state and hold reason, the step and its
 * timer, the modes, the working setpoints, a ramp's plan, and a wait's confirmation time. A leak check in progress
 * is not kept: it starts over, as after a hold. Per-scan flags (holding back, waiting for the pyrometers) are not
 * kept: the next scan finds them anew.
 *
 * @param conditionMetS        how long a wait step's conditions have held
 * @param ramp                 the plan of the ramp in progress; null outside a ramp
 * @param lastLeakRateMbarLPerS the last leak rate measured in the run; NaN before any
 */
public record ProgramCheckpoint(RunState state, HoldReason holdReason, HeaterMode heaterMode, VacuumMode vacuumMode,
                                int stepIndex, double stepTimerS, double conditionMetS, Setpoints working,
                                Ramp ramp, double lastLeakRateMbarLPerS) {
    public ProgramCheckpoint {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(holdReason, "holdReason");
        Objects.requireNonNull(heaterMode, "heaterMode");
        Objects.requireNonNull(vacuumMode, "vacuumMode");
        Objects.requireNonNull(working, "working");
    }

    /**
     * A ramp in progress: every channel from {@code start} to {@code target} over {@code durationS} (NaN while the
     * temperature start is not known yet).
     */
    public record Ramp(Setpoints start, Setpoints target, double durationS) {
        public Ramp {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(target, "target");
        }
    }
}
