package com.sicfurnace.controller.snapshot;

import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;

/**
 * Where the recipe stood after a scan.
 *
 * @param recipe           the name of the recipe the run follows (an operator may load another before the start)
 * @param stepIndex        zero-based index of the current step; -1 before the start
 * @param stepName         the current step's name; empty before the start
 * @param stepType         ramp, soak, wait or leak-check; empty before the start
 * @param stepTimeS        how long the step timer has run in this step (it stands still while held or held back)
 * @param stepDurationS    the step's planned duration on the step timer; NaN for a wait step and before the start
 * @param holdingBack      holdback stopped the step timer in this scan
 * @param waitingForRange  a temperature step waited for the pyrometers to come into range in this scan
 */
public record RunStatus(String recipe, RunState state, HoldReason holdReason, int stepIndex, String stepName,
                        String stepType, double stepTimeS, double stepDurationS, boolean holdingBack,
                        boolean waitingForRange) {
    public static final RunStatus NOT_STARTED = new RunStatus("", RunState.READY, HoldReason.NONE, -1, "", "", 0.0,
            Double.NaN, false, false);

    /** The step number as operators count, from 1; 0 before the start. */
    public int stepNumber() {
        return stepIndex + 1;
    }

    /** Step-timer seconds left in the step; NaN when its duration is not planned (a wait step). */
    public double stepTimeLeftS() {
        return Math.max(0.0, stepDurationS - stepTimeS);
    }

    public boolean finished() {
        return state.finished();
    }
}
