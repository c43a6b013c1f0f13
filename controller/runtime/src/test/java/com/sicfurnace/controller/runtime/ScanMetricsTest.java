package com.sicfurnace.controller.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.runtime.ScanMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScanMetricsTest {
    private static final long MICROS = 1_000L;

    @Test
    void recordsJitterDurationScansAndOverruns() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ScanMetrics metrics = new ScanMetrics();
        metrics.record(5 * MICROS, 40 * MICROS, false); // before binding: nowhere to go
        metrics.bindTo(registry);
        metrics.record(20 * MICROS, 60 * MICROS, false);
        metrics.record(3_000 * MICROS, 300 * MICROS, true);

        Timer jitter = registry.get("furnace.scan.jitter").timer();
        Timer duration = registry.get("furnace.scan.duration").timer();
        assertEquals(2, jitter.count());
        assertEquals(3_020, jitter.totalTime(TimeUnit.MICROSECONDS), 1e-6);
        assertEquals(3_000, jitter.max(TimeUnit.MICROSECONDS), 1e-6);
        assertEquals(360, duration.totalTime(TimeUnit.MICROSECONDS), 1e-6);
        assertEquals(2, registry.get("furnace.scans").counter().count());
        assertEquals(1, registry.get("furnace.scan.overruns").counter().count());
        assertEquals(1.0, cumulativeCount(duration, 100 * MICROS) - cumulativeCount(duration, 50 * MICROS),
                "one scan between 50 and 100 µs");
    }

    private static double cumulativeCount(Timer timer, long upToNanos) {
        for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
            if (bucket.bucket(TimeUnit.NANOSECONDS) == upToNanos) {
                return bucket.count();
            }
        }
        throw new AssertionError("no bucket at " + upToNanos + " ns");
    }

    @Test
    void bindsOnce() {
        ScanMetrics metrics = new ScanMetrics();
        metrics.bindTo(new SimpleMeterRegistry());
        assertThrows(IllegalStateException.class, () -> metrics.bindTo(new SimpleMeterRegistry()));
    }

    @Test
    void recordingOnThePrometheusRegistryAllocatesNothing() {
        ScanMetrics metrics = new ScanMetrics();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            metrics.bindTo(registry);
            recordMany(metrics, 50_000); // warm up: compiled, adders settled
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            // the least of three rounds: a histogram's time window rotates now and then (a few hundred bytes,
            // whatever the number of scans); an allocation per scan would show in every round
            long least = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                recordMany(metrics, 100_000);
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertTrue(least < 1_024, "100000 scans recorded with " + least + " bytes allocated");
            assertEquals(350_000, registry.get("furnace.scans").counter().count());
        } finally {
            registry.close();
        }
    }

    private static void recordMany(ScanMetrics metrics, int scans) {
        for (int i = 0; i < scans; i++) {
            metrics.record((i % 997) * MICROS, (i % 89) * MICROS, i % 1000 == 0);
        }
    }
}
