package com.sicfurnace.controller.signal;

import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import java.util.Arrays;

/**
 * The inputs of one scan: a value and a quality per signal, indexed by {@link Signal}. Adapters fill it; the
 * core only reads it. Signals the furnace variant does not have stay BAD with value NaN.
 */
public final class ProcessImage {
    private final double[] values = new double[Signal.count()];
    /** {@link Quality#ordinal()} per signal: bytes, so that the per-scan snapshot copies 75 bytes, not references. */
    private final byte[] qualities = new byte[Signal.count()];
    private final double[] minimum = new double[Signal.count()];
    private final double[] maximum = new double[Signal.count()];
    private final boolean[] analog = new boolean[Signal.count()];
    private final boolean[] present = new boolean[Signal.count()];
    private final int[] staleScans = new int[Signal.count()];
    private final boolean[] refused = new boolean[Signal.count()];
    private final String[] device = new String[Signal.count()];
    private final boolean[] received = new boolean[Signal.count()];
    private int missing;

    /** @param furnaceSignals the I/O list filtered for this furnace variant */
    public ProcessImage(IoList furnaceSignals) {
        Arrays.fill(values, Double.NaN);
        Arrays.fill(qualities, Quality.BAD.code());
        for (SignalSpec spec : furnaceSignals.signals()) {
            int i = Signal.byIoName(spec.name()).ordinal();
            minimum[i] = spec.minimum();
            maximum[i] = spec.maximum();
            analog[i] = !spec.isBoolean();
            present[i] = true;
            device[i] = spec.device();
            if (spec.direction() == Direction.IN) {
                missing++;
            }
        }
    }

    /** Stores a reading; a GOOD analog value at or beyond its range end becomes LIMIT_LOW or LIMIT_HIGH. */
    public void update(Signal signal, double value, Quality deviceQuality) {
        int i = signal.ordinal();
        values[i] = value;
        qualities[i] = (deviceQuality == Quality.GOOD ? classify(i, value) : deviceQuality).code();
        staleScans[i] = deviceQuality == Quality.STALE ? staleScans[i] + 1 : 0;
        if (!received[i] && deviceQuality != Quality.STALE) {
            received[i] = true;
            missing--;
        }
    }

    /** Every input of the furnace has arrived from its device at least once. */
    public boolean complete() {
        return missing == 0;
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

    /**
     * Marks a signal stale for this scan, keeping its last value: the adapter has no fresh value from the device.
     * Counted scan by scan, so that the core can tell a glitch from a lost device.
     */
    public void markStale(Signal signal) {
        int i = signal.ordinal();
        qualities[i] = Quality.STALE.code();
        staleScans[i]++;
    }

    /** Consecutive scans the signal has been stale; 0 when fresh. */
    public int staleScans(Signal signal) {
        return staleScans[signal.ordinal()];
    }

    /** The field device (I/O-list {@code device}) that carries the signal; null if the furnace has no such signal. */
    public String device(Signal signal) {
        return device[signal.ordinal()];
    }

    public double value(Signal signal) {
        return values[signal.ordinal()];
    }

    public Quality quality(Signal signal) {
        return Quality.of(qualities[signal.ordinal()]);
    }

    /** A boolean input that is usable and true. */
    public boolean isOn(Signal signal) {
        int i = signal.ordinal();
        return Quality.of(qualities[i]).usable() && values[i] != 0.0;
    }

    /**
     * A value is known unless the device reported the sensor failed or none was ever received; a stale value is
     * the last one the device sent. Interlocks judge by known values: losing the line to a device is not a reason
     * to believe its door is open.
     */
    public boolean known(Signal signal) {
        int i = signal.ordinal();
        return qualities[i] != Quality.BAD.code() && !Double.isNaN(values[i]);
    }

    public boolean usable(Signal signal) {
        return Quality.of(qualities[signal.ordinal()]).usable();
    }

    public boolean present(Signal signal) {
        return present[signal.ordinal()];
    }

    /** Every signal's value by {@link Signal#ordinal()}, copied: NaN for outputs and for inputs never received. */
    public double[] copyOfValues() {
        return values.clone();
    }

    /**
     * Every signal's quality by {@link Signal#ordinal()} as {@link Quality#code()}s, copied: BAD for outputs and for
     * inputs never received.
     */
    public byte[] copyOfQualities() {
        return qualities.clone();
    }

    public double minimum(Signal signal) {
        return minimum[signal.ordinal()];
    }

    /** The adapter reports whether the device refused the last value written to this output. */
    public void markRefused(Signal output, boolean refusedNow) {
        refused[output.ordinal()] = refusedNow;
    }

    /** Whether the device refuses the value written to this output. */
    public boolean refused(Signal output) {
        return refused[output.ordinal()];
    }

    public double maximum(Signal signal) {
        return maximum[signal.ordinal()];
    }
}
