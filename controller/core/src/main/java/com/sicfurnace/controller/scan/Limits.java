package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.Programmer;
import com.sicfurnace.controller.program.Setpoint;
import com.sicfurnace.controller.recipe.RecipeLimits;

/** The checks of values a person asks for: a setpoint within the furnace's recipe limits, a gain near the profile's. */
final class Limits {
    /** How far a tuned gain may stray from the profile's, either way. */
    static final double GAIN_FACTOR = com.sicfurnace.controller.snapshot.LoopTunings.GAIN_FACTOR;

    private Limits() {
    }

    /** Why the value is not allowed for the setpoint, or null. */
    static String check(FurnaceProfile profile, Setpoint setpoint, double value, Programmer programmer) {
        RecipeLimits limits = profile.recipeLimits();
        return switch (setpoint) {
            case SEED_C, SOURCE_C -> temperature(limits, setpoint, value, programmer);
            case POWER_KW -> range(setpoint, value, 0.0, limits.maxPowerKw(), "kW");
            case PRESSURE_MBAR -> range(setpoint, value, limits.minPressureMbar(), limits.maxPressureMbar(), "mbar");
            case ARGON_SCCM -> range(setpoint, value, 0.0, limits.maxArgonSccm(), "sccm");
            case NITROGEN_SCCM -> range(setpoint, value, 0.0, limits.maxNitrogenSccm(), "sccm");
        };
    }

    private static String temperature(RecipeLimits limits, Setpoint setpoint, double value, Programmer programmer) {
        String outside = range(setpoint, value, limits.minTemperatureC(), limits.maxTemperatureC(), "°C");
        if (outside != null) {
            return outside;
        }
        double seed = setpoint == Setpoint.SEED_C ? value : programmer.setpoint(Setpoint.SEED_C);
        double source = setpoint == Setpoint.SOURCE_C ? value : programmer.setpoint(Setpoint.SOURCE_C);
        double gradient = source - seed;
        if (!Double.isNaN(gradient) && (gradient < limits.minGradientK() || gradient > limits.maxGradientK())) {
            return "the gradient source - seed would be " + gradient + " K, outside " + limits.minGradientK()
                    + ".." + limits.maxGradientK() + " K";
        }
        return null;
    }

    private static String range(Setpoint setpoint, double value, double min, double max, String unit) {
        if (!Double.isFinite(value) || value < min || value > max) {
            return setpoint.label() + " must lie in " + min + ".." + max + " " + unit + ", not " + value;
        }
        return null;
    }

    /** Why a gain is not allowed, or null: finite, positive, within {@link #GAIN_FACTOR} of the profile's. */
    static String gain(String name, double value, double profileValue) {
        if (!Double.isFinite(value) || !(value > 0) || value < profileValue / GAIN_FACTOR
                || value > profileValue * GAIN_FACTOR) {
            return name + " must lie within a factor of " + GAIN_FACTOR + " of the profile's " + profileValue
                    + ", not " + value;
        }
        return null;
    }
}
