package com.sicfurnace.controller.io;

import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outputs a device refused (an OPC UA Bad status on a write, a Modbus exception response). A refusal is logged once
 * per new value, not once per scan; the adapter counts it in its meters; and the core is told with every read
 * ({@link #markInto}) so that it raises its alarm. A refused value is not written again in a tight loop: only when
 * the value changes, or once per {@link #RETRY_NANOS} in case the device changed its mind. Thread-safe: the I/O
 * thread records, the scan thread reads.
 */
public final class RefusedWrites {
    /** How long a refused value waits before it is tried again unchanged. */
    public static final long RETRY_NANOS = 10_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(RefusedWrites.class);
    private final List<Signal> outputs;
    private final boolean[] refused = new boolean[Signal.count()];
    private final double[] refusedValue = new double[Signal.count()];
    private final long[] refusedAtNanos = new long[Signal.count()];

    public RefusedWrites(List<Signal> outputs) {
        this.outputs = List.copyOf(outputs);
        Arrays.fill(refusedValue, Double.NaN);
    }

    public synchronized boolean isRefused(Signal output) {
        return refused[output.ordinal()];
    }

    /** Whether a refused output is due to be tried again with the same value. */
    public synchronized boolean retryDue(Signal output, long nowNanos) {
        return refused[output.ordinal()] && nowNanos - refusedAtNanos[output.ordinal()] >= RETRY_NANOS;
    }

    /** The device refused {@code value}; {@code device} and {@code why} name it in the log. */
    public synchronized void refused(Signal output, double value, String device, String why, long nowNanos) {
        int i = output.ordinal();
        if (!refused[i] || Double.compare(refusedValue[i], value) != 0) {
            LOG.error("device={} refused {} = {}: {}; not written again unless it changes (retried every {} s)",
                    device, output.ioName(), value, why, RETRY_NANOS / 1_000_000_000L);
        } else {
            LOG.debug("device={} refused {} = {} again: {}", device, output.ioName(), value, why);
        }
        refused[i] = true;
        refusedValue[i] = value;
        refusedAtNanos[i] = nowNanos;
    }

    /** The device accepted a write of this output. */
    public synchronized void accepted(Signal output, String device) {
        int i = output.ordinal();
        if (refused[i]) {
            LOG.info("device={} accepts {} again", device, output.ioName());
            refused[i] = false;
        }
    }

    /** Tells the core which of these outputs stand refused now. */
    public synchronized void markInto(ProcessImage image) {
        for (Signal output : outputs) {
            image.markRefused(output, refused[output.ordinal()]);
        }
    }
}
