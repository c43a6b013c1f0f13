package com.sicfurnace.controller.recipe;

/**
 * Guaranteed soak/ramp: while the temperature deviates from its setpoint by more than {@code limitK} in the
 * watched direction, the step timer (and a ramp's setpoint) stands still.
 */
public record Holdback(Type type, double limitK) {
    public enum Type {
        /** Hold when the process value is more than the limit away on either side. */
        BAND,
        /** Hold when the process value is more than the limit above the setpoint. */
        HIGH,
        /** Hold when the process value is more than the limit below the setpoint. */
        LOW
    }

    public Holdback {
        if (!(limitK > 0)) {
            throw new IllegalArgumentException("holdback limit must be positive, not " + limitK);
        }
    }

    /** True if a deviation {@code processValue - setpoint} puts the step on hold. */
    public boolean holds(double deviationK) {
        return switch (type) {
            case BAND -> Math.abs(deviationK) > limitK;
            case HIGH -> deviationK > limitK;
            case LOW -> deviationK < -limitK;
        };
    }
}
