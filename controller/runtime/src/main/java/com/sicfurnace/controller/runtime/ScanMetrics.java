package com.sicfurnace.controller.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The scan loop's meters: how late each scan started against its deadline ({@code furnace.scan.jitter}), how long
 * it took ({@code furnace.scan.duration}), and counters of scans and overruns. {@link ScanRunner} records into
 * them on the scan thread after every scan, without allocating: a timer records into fixed histogram buckets and
 * adders. Until bound to a registry, recording does nothing; it binds to one registry only.
 */
public final class ScanMetrics implements MeterBinder {
    /**
     * Histogram buckets: a scan takes tens of µs and starts tens of µs to a few ms late; the period is 100 ms in
     * real time and less at a simulator's speed. Fixed buckets rather than client-side percentiles, so that
     * Prometheus can add them over furnaces and take quantiles over any window; a short 1-2.5-5 ladder rather
     * than Micrometer's percentile histogram, whose default range starts at 1 ms.
     */
    private static final Duration[] BUCKETS = {Duration.ofNanos(10_000), Duration.ofNanos(25_000),
        Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1)};

    private volatile Meters meters;

    private record Meters(Timer jitter, Timer duration, Counter scans, Counter overruns) {
    }

    /** One scan's timings, on the scan thread. */
    void record(long jitterNanos, long durationNanos, boolean overrun) {
        Meters m = meters;
        if (m == null) {
            return;
        }
        m.jitter.record(jitterNanos, TimeUnit.NANOSECONDS);
        m.duration.record(durationNanos, TimeUnit.NANOSECONDS);
        m.scans.increment();
        if (overrun) {
            m.overruns.increment();
        }
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (meters != null) {
            throw new IllegalStateException("the scan meters are already bound");
        }
        meters = new Meters(
                Timer.builder("furnace.scan.jitter").description("How late a scan started against its deadline")
                        .serviceLevelObjectives(BUCKETS).register(registry),
                Timer.builder("furnace.scan.duration").description("Time one scan took: inputs, control, outputs")
                        .serviceLevelObjectives(BUCKETS).register(registry),
                Counter.builder("furnace.scans").description("Scans run").register(registry),
                Counter.builder("furnace.scan.overruns")
                        .description("Scans that started a whole period late; the schedule restarts from then")
                        .register(registry));
    }
}
