package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.Step;

/**
 * A leak-rate check in progress: the chamber is isolated, settles, then its pressure rise over the measuring time
 * gives the leak rate {@code (p1 - p0) * V / t} in mbar·L/s.
 */
final class LeakCheckRun {
    enum Result { RUNNING, PASSED, FAILED }

    private final Step.LeakCheck step;
    private final double chamberVolumeL;
    private double startPressureMbar = Double.NaN;
    private double leakRateMbarLPerS = Double.NaN;

    LeakCheckRun(Step.LeakCheck step, double chamberVolumeL) {
        this.step = step;
        this.chamberVolumeL = chamberVolumeL;
    }

    /** A check taken up again from a checkpoint: its first pressure, NaN if it was still settling. */
    LeakCheckRun(Step.LeakCheck step, double chamberVolumeL, double startPressureMbar) {
        this(step, chamberVolumeL);
        this.startPressureMbar = startPressureMbar;
    }

    double startPressureMbar() {
        return startPressureMbar;
    }

    Result advance(double elapsedS, double pressureMbar) {
        double settleS = step.settle().toMillis() / 1000.0;
        double measureS = step.duration().toMillis() / 1000.0;
        if (elapsedS < settleS - Programmer.TIME_EPSILON_S) {
            return Result.RUNNING;
        }
        if (Double.isNaN(startPressureMbar)) {
            startPressureMbar = pressureMbar;
        }
        if (elapsedS < settleS + measureS - Programmer.TIME_EPSILON_S) {
            return Result.RUNNING;
        }
        leakRateMbarLPerS = (pressureMbar - startPressureMbar) * chamberVolumeL / measureS;
        // an unreadable pressure is a failed check, never a passed one
        return leakRateMbarLPerS <= step.maxLeakRateMbarLPerS() ? Result.PASSED : Result.FAILED;
    }

    double leakRateMbarLPerS() {
        return leakRateMbarLPerS;
    }

    double limitMbarLPerS() {
        return step.maxLeakRateMbarLPerS();
    }
}
