package com.sicfurnace.controller.io;

import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import java.util.Collection;
import java.util.List;

/**
 * Inputs handed from an I/O thread to the scan thread. The I/O thread publishes values with a quality; a value is
 * fresh for the scan while it is younger than {@code maxAgeNanos}, so one slow poll does not make every device
 * look lost. When the I/O thread knows a device is gone it invalidates the device's values at once.
 */
public final class SignalCache {
    private final List<Signal> signals;
    private final long maxAgeNanos;
    private final double[] values = new double[Signal.count()];
    private final Quality[] qualities = new Quality[Signal.count()];
    private final long[] publishedNanos = new long[Signal.count()];
    private final boolean[] valid = new boolean[Signal.count()];

    public SignalCache(List<Signal> signals, long maxAgeNanos) {
        this.signals = List.copyOf(signals);
        this.maxAgeNanos = maxAgeNanos;
    }

    public synchronized void publish(Signal signal, double value, Quality quality) {
        int i = signal.ordinal();
        values[i] = value;
        qualities[i] = quality;
        publishedNanos[i] = System.nanoTime();
        valid[i] = true;
    }

    /** The device carrying these signals is out of reach: their last values are stale from now on. */
    public synchronized void invalidate(Collection<Signal> lost) {
        for (Signal s : lost) {
            valid[s.ordinal()] = false;
        }
    }

    /** Copies fresh values into the image and marks the others stale. Called by the scan thread. */
    public synchronized void drainInto(ProcessImage image) {
        long now = System.nanoTime();
        for (Signal s : signals) {
            int i = s.ordinal();
            if (valid[i] && now - publishedNanos[i] <= maxAgeNanos) {
                image.update(s, values[i], qualities[i]);
            } else {
                image.markStale(s);
            }
        }
    }
}
