package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.Targets;

/**
 * A ramp in progress: every channel moves linearly from its start to its target over one duration. A rate ramp
 * takes its duration from the temperature (or power) channel that has furthest to go; the others move in step.
 * When the step starts below pyrometer range the temperature start is unknown until control engages; the
 * duration is fixed then.
 */
final class RampPlan {
    private final Channels start = new Channels();
    private final Channels target = new Channels();
    private final Step.Pace pace;
    private double durationS = Double.NaN;

    /**
     * @param temperatureStartUnknown the heater is in temperature mode but has no setpoints yet: the duration is
     *                                fixed when {@link #startTemperaturesAt} is called
     */
    RampPlan(Channels working, Targets targets, Step.Pace pace, boolean temperatureStartUnknown) {
        this.pace = pace;
        start.copyFrom(working);
        for (int c = 0; c < Channels.COUNT; c++) {
            target.set(c, Channels.target(targets, c, working.get(c)));
            if (Double.isNaN(start.get(c))) {
                start.set(c, target.get(c));
            }
        }
        if (!temperatureStartUnknown) {
            fixDuration();
        }
    }

    /** A ramp taken up again from a checkpoint, exactly where it stood. */
    RampPlan(ProgramCheckpoint.Ramp saved, Step.Pace pace) {
        this.pace = pace;
        saved.start().into(start);
        saved.target().into(target);
        this.durationS = saved.durationS();
    }

    ProgramCheckpoint.Ramp checkpoint() {
        return new ProgramCheckpoint.Ramp(Setpoints.of(start), Setpoints.of(target), durationS);
    }

    /** Starts the temperature channels from the measured values (servo to the process value). */
    void startTemperaturesAt(double seedC, double sourceC) {
        start.set(Channels.SEED, seedC);
        start.set(Channels.SOURCE, sourceC);
        fixDuration();
    }

    /** The ramp's duration, seconds; NaN until its start is known. */
    double durationS() {
        return durationS;
    }

    boolean durationKnown() {
        return !Double.isNaN(durationS);
    }

    private void fixDuration() {
        if (pace instanceof Step.ByTime byTime) {
            durationS = byTime.time().toMillis() / 1000.0;
        } else if (pace instanceof Step.ByTemperatureRate rate) {
            double distance = Math.max(delta(Channels.SEED), delta(Channels.SOURCE));
            durationS = distance / rate.celsiusPerHour() * 3600.0;
        } else if (pace instanceof Step.ByPowerRate rate) {
            durationS = delta(Channels.POWER) / rate.kilowattsPerHour() * 3600.0;
        }
    }

    private double delta(int channel) {
        double d = Math.abs(target.get(channel) - start.get(channel));
        return Double.isNaN(d) ? 0.0 : d;
    }

    /** Writes the channels for {@code elapsedS} into the ramp; returns true when the ramp has arrived. */
    boolean apply(double elapsedS, Channels working) {
        double fraction = elapsedS >= durationS - Programmer.TIME_EPSILON_S ? 1.0 : elapsedS / durationS;
        for (int c = 0; c < Channels.COUNT; c++) {
            double from = start.get(c);
            double to = target.get(c);
            working.set(c, Double.isNaN(from) ? to : from + (to - from) * fraction);
        }
        return fraction >= 1.0;
    }
}
