package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.Step;
import java.util.Locale;

/**
 * A leak-rate check in progress: the chamber is isolated and settles, then its pressure rise is read in two equal,
 * consecutive windows, each by a least-squares line through every scan's pressure (so gauge noise averages out).
 * A window's rate is its slope times the chamber volume, in mbar·L/s.
 *
 * <p>Why two windows: air leaking in from atmosphere is a constant flow at these pressures, so a leak raises the
 * pressure linearly and both windows read the same rate. Gas desorbing from the walls and the felt into the closed
 * chamber levels off as the vapour's pressure approaches its equilibrium with the surfaces (it re-adsorbs), so the
 * second window reads much less than the first. The check therefore judges the second window's rate, which
 * outgassing has largely left and which still holds the whole leak: it passes at or below the limit. The ratio of
 * the second to the first window tells the operator which it was: at or above the step's {@code linear_ratio} the
 * rise is linear (a leak), below it the rise levels off (outgassing). A pressure that cannot be read fails the
 * check at once: an unknown rise is never a passed one.
 */
final class LeakCheckRun {
    enum Result { RUNNING, PASSED, FAILED }

    private final Step.LeakCheck step;
    private final double chamberVolumeL;
    private final double settleS;
    private final double windowS;
    private final Window first = new Window();
    private final Window second = new Window();
    private double leakRateMbarLPerS = Double.NaN;
    private String verdict = "";

    LeakCheckRun(Step.LeakCheck step, double chamberVolumeL) {
        this.step = step;
        this.chamberVolumeL = chamberVolumeL;
        this.settleS = step.settle().toMillis() / 1000.0;
        this.windowS = step.duration().toMillis() / 1000.0 / 2.0;
    }

    /** One scan: {@code elapsedS} since the chamber was isolated, and the chamber pressure (NaN if unknown). */
    Result advance(double elapsedS, double pressureMbar) {
        if (elapsedS < settleS - Programmer.TIME_EPSILON_S) {
            return Result.RUNNING;
        }
        if (Double.isNaN(pressureMbar)) {
            verdict = String.format(Locale.ROOT, "chamber pressure unreadable %.0f s into the check", elapsedS);
            return Result.FAILED;
        }
        double inMeasurementS = elapsedS - settleS;
        if (inMeasurementS < windowS - Programmer.TIME_EPSILON_S) {
            first.add(inMeasurementS, pressureMbar);
            return Result.RUNNING;
        }
        second.add(inMeasurementS - windowS, pressureMbar);
        if (inMeasurementS < 2 * windowS - Programmer.TIME_EPSILON_S) {
            return Result.RUNNING;
        }
        return judge();
    }

    private Result judge() {
        double firstRate = first.slopePerS() * chamberVolumeL;
        leakRateMbarLPerS = second.slopePerS() * chamberVolumeL;
        double ratio = leakRateMbarLPerS / firstRate;
        // a rise that does not slow down (or a first window without any) is linear: a leak
        boolean linear = !(firstRate > 0) || ratio >= step.linearRatio();
        boolean passed = leakRateMbarLPerS <= step.maxLeakRateMbarLPerS();
        String shape = linear
                ? String.format(Locale.ROOT, "the rise is linear (second/first %.2f >= %.2f): %s", ratio,
                        step.linearRatio(), passed ? "a leak within the limit" : "a leak")
                : String.format(Locale.ROOT, "the rise levels off (second/first %.2f < %.2f): outgassing%s", ratio,
                        step.linearRatio(), passed ? "" : " not yet settled, or a leak under it");
        verdict = String.format(Locale.ROOT, "leak rate %.3g mbar·L/s, limit %.3g; first window %.3g; %s",
                leakRateMbarLPerS, step.maxLeakRateMbarLPerS(), firstRate, shape);
        return passed ? Result.PASSED : Result.FAILED;
    }

    /** The second window's rate, mbar·L/s; NaN until the check has ended with a reading. */
    double leakRateMbarLPerS() {
        return leakRateMbarLPerS;
    }

    /** What the check found, for the journal; empty while it runs. */
    String verdict() {
        return verdict;
    }

    /**
     * Least-squares slope of pressure over time, from running sums of times from the window's start and pressures
     * above its first reading (small numbers keep the sums' differences exact enough).
     */
    private static final class Window {
        private double p0 = Double.NaN;
        private long n;
        private double sumT;
        private double sumP;
        private double sumTT;
        private double sumTP;

        void add(double tS, double pressureMbar) {
            if (Double.isNaN(p0)) {
                p0 = pressureMbar;
            }
            double pMbar = pressureMbar - p0;
            n++;
            sumT += tS;
            sumP += pMbar;
            sumTT += tS * tS;
            sumTP += tS * pMbar;
        }

        /** mbar/s; NaN with fewer than two readings. */
        double slopePerS() {
            double spread = n * sumTT - sumT * sumT;
            return n < 2 || !(spread > 0) ? Double.NaN : (n * sumTP - sumT * sumP) / spread;
        }
    }
}
