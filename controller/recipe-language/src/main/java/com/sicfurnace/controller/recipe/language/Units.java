package com.sicfurnace.controller.recipe.language;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** Formats numbers and durations for messages as an engineer would write them: 900, 0.5, 0.00005, 90 min. */
final class Units {
    private static final MathContext SIGNIFICANT_DIGITS = new MathContext(6);
    private static final long SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_HOUR = 3600;

    private Units() {
    }

    static String format(double value) {
        return BigDecimal.valueOf(value).round(SIGNIFICANT_DIGITS).stripTrailingZeros().toPlainString();
    }

    static String format(double value, String unit) {
        return format(value) + " " + unit;
    }

    /** In the largest of h, min and s that gives a whole number, else in seconds. */
    static String format(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        if (seconds % SECONDS_PER_HOUR == 0) {
            return format(seconds / SECONDS_PER_HOUR, "h");
        }
        if (seconds % SECONDS_PER_MINUTE == 0) {
            return format(seconds / SECONDS_PER_MINUTE, "min");
        }
        return format(seconds, "s");
    }

    static double hours(Duration duration) {
        return duration.toNanos() / (SECONDS_PER_HOUR * 1e9);
    }
}
