package com.sicfurnace.controller.recipe;

import java.util.Objects;

/** A wait condition such as {@code pressure_mbar below 5e-5}. */
public record Condition(ConditionVariable variable, Comparison comparison, double threshold) {
    public enum Comparison { BELOW, ABOVE }

    public Condition {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(comparison, "comparison");
    }

    public boolean isMet(double value) {
        return comparison == Comparison.BELOW ? value < threshold : value > threshold;
    }
}
