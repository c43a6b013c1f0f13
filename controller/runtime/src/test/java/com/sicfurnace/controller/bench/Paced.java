package com.sicfurnace.controller.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs an action at a fixed period, as a scan would, for the I/O benchmarks: pacing every contender the same way
 * keeps caches, CPU frequency and the server's load comparable between an adapter and the bare library.
 */
public final class Paced {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** One paced step; may throw whatever the library under test throws. */
    public interface Step {
        void run(int iteration) throws Exception;
    }

    private Paced() {
    }

    /** Runs the step {@code iterations} times, one per period, and returns how long each run took, nanoseconds. */
    public static Histogram timed(int iterations, long periodNanos, Step step) throws Exception {
        Histogram nanos = new Histogram(HIGHEST_NANOS, 3);
        repeat(iterations, periodNanos, i -> {
            long start = System.nanoTime();
            step.run(i);
            nanos.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - start));
        });
        return nanos;
    }

    /** Runs the step {@code iterations} times, one per period (the step's cost is measured elsewhere). */
    public static void repeat(int iterations, long periodNanos, Step step) throws Exception {
        long deadline = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            step.run(i);
            deadline += periodNanos;
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
    }

    /** Median, p99 and maximum in microseconds, with the count. */
    public static String micros(Histogram nanos) {
        return String.format(Locale.ROOT, "median %7.1f µs   p99 %7.1f µs   max %8.1f µs   (n=%d)",
                nanos.getValueAtPercentile(50) / 1e3, nanos.getValueAtPercentile(99) / 1e3,
                nanos.getMaxValue() / 1e3, nanos.getTotalCount());
    }

    /** The ratio of two medians and of two p99s, as "median 1.07×, p99 1.12×". */
    public static String ratio(Histogram measured, Histogram baseline) {
        return String.format(Locale.ROOT, "median %.2f×, p99 %.2f×",
                (double) measured.getValueAtPercentile(50) / baseline.getValueAtPercentile(50),
                (double) measured.getValueAtPercentile(99) / baseline.getValueAtPercentile(99));
    }
}
