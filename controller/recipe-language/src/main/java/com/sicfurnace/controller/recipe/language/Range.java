package com.sicfurnace.controller.recipe.language;

import java.util.Optional;

/** The values a number field accepts, with its unit for messages. */
record Range(double min, boolean minExclusive, double max, String unit) {
    /** Any finite number: wait thresholds, whose sense depends on the variable. */
    static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, "");

    /** {@code [min, max]}. */
    static Range between(double min, double max, String unit) {
        return new Range(min, false, max, unit);
    }

    /** {@code (0, max]}: rates and limits that must be positive. */
    static Range positiveUpTo(double max, String unit) {
        return new Range(0, true, max, unit);
    }

    /** What is wrong with {@code value}, naming the value and the limit it breaks. */
    Optional<String> problemWith(double value) {
        if (value > max) {
            return Optional.of(withUnit(value) + " exceeds the furnace limit of " + withUnit(max));
        }
        if (minExclusive && value <= min) {
            return Optional.of(withUnit(value) + " must be greater than " + withUnit(min));
        }
        if (value < min) {
            return Optional.of(withUnit(value) + " is below the minimum of " + withUnit(min));
        }
        return Optional.empty();
    }

    private String withUnit(double value) {
        return unit.isEmpty() ? Units.format(value) : Units.format(value, unit);
    }
}
