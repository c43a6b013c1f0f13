package com.sicfurnace.controller.telemetry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The telemetry path's meters: hand-off and queue depth, queue bytes and age, points delivered and lost, retries,
 * quarantined batches, whether the database refuses us, and the time of every delivery attempt by outcome. Gauges
 * read the pipeline's health snapshot, never the disk.
 */
public final class TelemetryMetrics implements MeterBinder {
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10),
        Duration.ofSeconds(30)};

    private final TelemetryPipeline pipeline;

    public TelemetryMetrics(TelemetryPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("furnace.telemetry.queue.depth", pipeline, p -> p.health().queuedRecords())
                .description("Points on disk waiting for the database").baseUnit("points").register(registry);
        Gauge.builder("furnace.telemetry.handoff.depth", pipeline, p -> p.health().handedOverRecords())
                .description("Points handed over by the scan and not yet on disk").baseUnit("points")
                .register(registry);
        Gauge.builder("furnace.telemetry.queue.size", pipeline, p -> p.health().queueBytes())
                .description("Disk used by the telemetry queue").baseUnit("bytes").register(registry);
        TimeGauge.builder("furnace.telemetry.queue.age", pipeline, TimeUnit.MILLISECONDS,
                p -> p.health().oldestAgeMs()).description("How long the oldest unsent point has waited")
                .register(registry);
        Gauge.builder("furnace.telemetry.database.refused", pipeline, p -> p.health().refused() ? 1 : 0)
                .description("1 while the database refuses our credentials or settings").register(registry);
        FunctionCounter.builder("furnace.telemetry.delivered", pipeline, p -> p.health().deliveredRecords())
                .description("Points the database accepted").baseUnit("points").register(registry);
        FunctionCounter.builder("furnace.telemetry.lost", pipeline, p -> p.health().lostRecords())
                .description("Points lost to a full disk budget").baseUnit("points").register(registry);
        FunctionCounter.builder("furnace.telemetry.write.retries", pipeline, p -> p.health().retries())
                .description("Delivery attempts that failed and will be repeated").register(registry);
        FunctionCounter.builder("furnace.telemetry.quarantined", pipeline, p -> p.health().quarantinedBatches())
                .description("Batches the database refused as bad data, kept in the quarantine folder")
                .baseUnit("batches").register(registry);
        Map<Class<?>, Timer> writes = Map.of(
                Delivery.Accepted.class, write(registry, "accepted"),
                Delivery.RetryLater.class, write(registry, "retry"),
                Delivery.Rejected.class, write(registry, "rejected"),
                Delivery.Unauthorized.class, write(registry, "refused"));
        pipeline.onDelivery((nanos, outcome) -> writes.get(outcome.getClass())
                .record(nanos, TimeUnit.NANOSECONDS));
    }

    private static Timer write(MeterRegistry registry, String outcome) {
        return Timer.builder("furnace.telemetry.write").description("Time one delivery attempt to the database took")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT)).serviceLevelObjectives(BUCKETS).register(registry);
    }
}
