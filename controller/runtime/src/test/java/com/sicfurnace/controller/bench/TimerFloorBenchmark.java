package com.sicfurnace.controller.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's own floor under the scan jitter: a thread that does nothing but wake at the scan period on the
 * same deadline schedule as the scan loop, with no I/O, no simulator and no other work in the process. How late it
 * wakes is what the host (kernel, hypervisor, other tenants) costs any periodic thread; the scan loop's jitter in
 * the same run is read against it.
 * Usage: TimerFloorBenchmark [MINUTES] [PERIOD_MS]
 */
public final class TimerFloorBenchmark {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private TimerFloorBenchmark() {
    }

    public static void main(String[] args) {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        long periodNanos = TimeUnit.MILLISECONDS.toNanos(args.length > 1 ? Long.parseLong(args[1]) : 100);
        long wakeups = Math.round(minutes * 60e9 / periodNanos);
        Histogram lateNanos = new Histogram(HIGHEST_NANOS, 3);
        long deadline = System.nanoTime() + periodNanos;
        for (long i = 0; i < wakeups; i++) {
            LockSupport.parkNanos(deadline - System.nanoTime());
            lateNanos.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, System.nanoTime() - deadline)));
            deadline += periodNanos;
        }
        System.out.printf(Locale.ROOT, "timer floor: an idle thread woken every %d ms for %.1f min%n",
                TimeUnit.NANOSECONDS.toMillis(periodNanos), minutes);
        System.out.println("  wake-up lateness " + Paced.micros(lateNanos));
    }
}
