package com.sicfurnace.controller.io;

import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;
import java.util.List;

/**
 * Inputs handed from an I/O thread to the scan thread. The I/O thread publishes values with a quality; the scan
 * takes what was published since its last look as fresh, and marks the rest stale, keeping their last values.
 */
public final class SignalCache {
    private final List<Signal> signals;
    private final double[] values = new double[Signal.count()];
    private final Quality[] qualities = new Quality[Signal.count()];
    private final boolean[] fresh = new boolean[Signal.count()];

    public SignalCache(List<Signal> signals) {
        this.signals = List.copyOf(signals);
    }

    public synchronized void publish(Signal signal, double value, Quality quality) {
        int i = signal.ordinal();
        values[i] = value;
        qualities[i] = quality;
        fresh[i] = true;
    }

    /** Copies fresh values into the image and marks the others stale. Called by the scan thread. */
    public synchronized void drainInto(ProcessImage image) {
        for (Signal s : signals) {
            int i = s.ordinal();
            if (fresh[i]) {
                image.update(s, values[i], qualities[i]);
                fresh[i] = false;
            } else {
                image.markStale(s);
            }
        }
    }

    public List<Signal> signals() {
        return signals;
    }
}
