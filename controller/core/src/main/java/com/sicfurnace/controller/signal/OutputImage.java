package com.sicfurnace.controller.signal;

/** The outputs of one scan, indexed by {@link Signal}: what the adapters write to the furnace. */
public final class OutputImage {
    private final double[] values = new double[Signal.count()];

    public void set(Signal signal, double value) {
        values[signal.ordinal()] = value;
    }

    public void set(Signal signal, boolean on) {
        values[signal.ordinal()] = on ? 1.0 : 0.0;
    }

    public double value(Signal signal) {
        return values[signal.ordinal()];
    }

    public boolean isOn(Signal signal) {
        return values[signal.ordinal()] != 0.0;
    }
}
