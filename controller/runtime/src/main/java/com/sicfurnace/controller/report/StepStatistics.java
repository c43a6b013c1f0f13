package com.sicfurnace.controller.report;

import org.HdrHistogram.Histogram;

/**
 * How tightly one step held the furnace: seed temperature error while the seed loop was in control, relative
 * pressure error while the throttle was in control, time spent and time held back.
 */
final class StepStatistics {
    /** Temperature errors are recorded in millikelvin, pressure errors in thousandths of a percent. */
    private static final double MILLI = 1000.0;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String name;
    private final String type;
    private final Histogram temperatureErrorMk = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram pressureErrorMilliPct = new Histogram(SIGNIFICANT_DIGITS);
    private double durationS;
    private double holdbackS;

    StepStatistics(String name, String type) {
        this.name = name;
        this.type = type;
    }

    void addTime(double dtS, boolean heldBack) {
        durationS += dtS;
        if (heldBack) {
            holdbackS += dtS;
        }
    }

    void recordTemperatureError(double errorK) {
        temperatureErrorMk.recordValue(Math.round(Math.abs(errorK) * MILLI));
    }

    void recordPressureErrorPct(double errorPct) {
        pressureErrorMilliPct.recordValue(Math.round(Math.abs(errorPct) * MILLI));
    }

    StepSummary summary() {
        return new StepSummary(name, type, durationS / 3600.0, percentile(temperatureErrorMk, 99.0),
                max(temperatureErrorMk), percentile(pressureErrorMilliPct, 99.0), max(pressureErrorMilliPct),
                holdbackS / 3600.0);
    }

    /** Null when the loop never controlled in this step: there is no error to report. */
    private static Double percentile(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? null : h.getValueAtPercentile(percentile) / MILLI;
    }

    private static Double max(Histogram h) {
        return h.getTotalCount() == 0 ? null : h.getMaxValue() / MILLI;
    }
}
