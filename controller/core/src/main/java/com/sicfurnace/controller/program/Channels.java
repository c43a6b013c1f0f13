package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.Targets;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The programmer's working setpoints: seed and source temperature (°C), heater power (kW), chamber pressure
 * (mbar), argon and nitrogen flow (sccm). NaN means "not set" (e.g. no temperature setpoint before closed-loop
 * control has started).
 */
final class Channels {
    static final int SEED = 0;
    static final int SOURCE = 1;
    static final int POWER = 2;
    static final int PRESSURE = 3;
    static final int ARGON = 4;
    static final int NITROGEN = 5;
    static final int COUNT = 6;

    private final double[] values = new double[COUNT];

    Channels() {
        Arrays.fill(values, Double.NaN);
        values[ARGON] = 0.0;
        values[NITROGEN] = 0.0;
    }

    double get(int channel) {
        return values[channel];
    }

    void set(int channel, double value) {
        values[channel] = value;
    }

    void copyFrom(Channels other) {
        System.arraycopy(other.values, 0, values, 0, COUNT);
    }

    /** The step's target for a channel, or the current value where the step gives none. */
    static double target(Targets targets, int channel, double current) {
        OptionalDouble t = switch (channel) {
            case SEED -> targets.seedC();
            case SOURCE -> targets.sourceC();
            case POWER -> targets.powerKw();
            case PRESSURE -> targets.pressureMbar();
            case ARGON -> targets.argonSccm();
            case NITROGEN -> targets.nitrogenSccm();
            default -> throw new IllegalArgumentException("no channel " + channel);
        };
        return t.orElse(current);
    }
}
