package com.sicfurnace.controller.core;

import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import java.util.Arrays;

/**
 * The inputs of one scan: a value and a quality per signal, indexed by {@link Signal}. Adapters fill it; the
 * core only reads it. Signals the furnace variant does not have stay BAD with value NaN.
 */
public final class ProcessImage {
    private final double[] values = new double[Signal.count()];
    private final Quality[] qualities = new Quality[Signal.count()];
    private final double[] minimum = new double[Signal.count()];
    private final double[] maximum = new double[Signal.count()];
    private final boolean[] analog = new boolean[Signal.count()];
    private final boolean[] present = new boolean[Signal.count()];

    /** @param furnaceSignals the I/O list filtered for this furnace variant */
    public ProcessImage(IoList furnaceSignals) {
        Arrays.fill(values, Double.NaN);
        Arrays.fill(qualities, Quality.BAD);
        for (SignalSpec spec : furnaceSignals.signals()) {
            int i = Signal.byIoName(spec.name()).ordinal();
            minimum[i] = spec.minimum();
            maximum[i] = spec.maximum();
            analog[i] = !spec.isBoolean();
            present[i] = true;
        }
    }

    /** Stores a reading; a GOOD analog value at or beyond its range end becomes LIMIT_LOW or LIMIT_HIGH. */
    public void update(Signal signal, double value, Quality deviceQuality) {
        int i = signal.ordinal();
        values[i] = value;
        qualities[i] = deviceQuality == Quality.GOOD ? classify(i, value) : deviceQuality;
    }

    private Quality classify(int i, double value) {
        if (Double.isNaN(value)) {
            return Quality.BAD;
        }
        if (analog[i] && value <= minimum[i]) {
            return Quality.LIMIT_LOW;
        }
        if (analog[i] && value >= maximum[i]) {
            return Quality.LIMIT_HIGH;
        }
        return Quality.GOOD;
    }

    /** Marks a signal stale, keeping its last value (the adapter lost contact with its device). */
    public void markStale(Signal signal) {
        qualities[signal.ordinal()] = Quality.STALE;
    }

    public double value(Signal signal) {
        return values[signal.ordinal()];
    }

    public Quality quality(Signal signal) {
        return qualities[signal.ordinal()];
    }

    /** A boolean input that is usable and true. */
    public boolean isOn(Signal signal) {
        int i = signal.ordinal();
        return qualities[i].usable() && values[i] != 0.0;
    }

    public boolean usable(Signal signal) {
        return qualities[signal.ordinal()].usable();
    }

    public boolean present(Signal signal) {
        return present[signal.ordinal()];
    }

    public double minimum(Signal signal) {
        return minimum[signal.ordinal()];
    }
}
