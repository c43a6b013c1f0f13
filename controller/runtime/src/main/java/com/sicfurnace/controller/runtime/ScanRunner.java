package com.sicfurnace.controller.runtime;

import com.sicfurnace.controller.scan.ScanCycle;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the core's scan step in real time on its own thread, at a fixed period with deadlines on the monotonic
 * clock (no drift); the step itself (commands, inputs, scan, outputs, publication) is the one virtual runs take
 * too. Measures the start-time jitter of every scan against its deadline, the scan's own duration, and overruns (a
 * scan that starts a whole period late; the schedule then restarts from now rather than bursting to catch up).
 */
public final class ScanRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRunner.class);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Scans later than this are logged at DEBUG with their time, to be matched against GC and OS logs. */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ScanCycle cycle;
    private final Clock clock;
    private final long periodNanos;
    private final ScanMetrics metrics;
    private final Histogram jitterNanos = new Histogram(HIGHEST_NANOS, 3);
    private final Histogram durationNanos = new Histogram(HIGHEST_NANOS, 3);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long scans;
    private volatile long overruns;
    private volatile Throwable failure;

    /**
     * @param clock       furnace time: each scan runs at the instant the clock reads as the scan starts
     * @param periodNanos wall-clock scan period: the profile's period divided by the simulator's speed
     * @param metrics     where every scan's timings go as well
     */
    public ScanRunner(ScanCycle cycle, Clock clock, long periodNanos, ScanMetrics metrics) {
        this.cycle = cycle;
        this.clock = clock;
        this.periodNanos = periodNanos;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "scan");
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    public ScanRunner start() {
        thread.start();
        return this;
    }

    private void run() {
        long deadline = System.nanoTime();
        try {
            while (running) {
                long start = System.nanoTime();
                long jitter = Math.min(HIGHEST_NANOS, Math.max(0, start - deadline));
                synchronized (this) {
                    jitterNanos.recordValue(jitter);
                }
                if (jitter > LATE_NANOS && LOG.isDebugEnabled()) {
                    LOG.debug("scan {} started {} µs late", scans, TimeUnit.NANOSECONDS.toMicros(jitter));
                }
                cycle.step(clock.instant());
                long end = System.nanoTime();
                long duration = Math.min(HIGHEST_NANOS, end - start);
                synchronized (this) {
                    durationNanos.recordValue(duration);
                }
                scans++;
                deadline += periodNanos;
                boolean overrun = end - deadline > periodNanos;
                if (overrun) {
                    overruns++;
                    deadline = end;
                }
                metrics.record(jitter, duration, overrun);
                LockSupport.parkNanos(deadline - System.nanoTime());
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("scan loop stopped after {} scans: {}", scans, e.toString(), e);
        }
    }

    public long scans() {
        return scans;
    }

    public long overruns() {
        return overruns;
    }

    /** The error that stopped the loop, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    /** A copy of the scan-start jitter histogram, nanoseconds. */
    public synchronized Histogram jitter() {
        return jitterNanos.copy();
    }

    /** A copy of the scan-duration histogram, nanoseconds. */
    public synchronized Histogram durations() {
        return durationNanos.copy();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("scan thread did not stop within 5 s");
        }
    }
}
