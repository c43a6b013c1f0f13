package com.sicfurnace.controller.io;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The meters of one field device, recorded by its adapter on the adapter's I/O thread: the time every request took
 * ({@code furnace.io.request}, by operation), errors by kind ({@code furnace.io.errors}) and whether the device is
 * connected ({@code furnace.io.connected}, 1 or 0), tagged {@code device} and {@code protocol}. Until bound to a
 * registry, recording does nothing; it binds to one registry only.
 */
public final class DeviceIoMeters implements MeterBinder {
    /**
     * Histogram buckets of request times: from a loopback answer (tens of µs) to a request that ran into its
     * timeout (hundreds of ms to seconds). Fixed buckets rather than client-side percentiles, so that Prometheus
     * can sum them over devices and furnaces and take quantiles over any window.
     */
    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5)};

    /** What a request did. */
    public enum Operation { READ, WRITE }

    private final String device;
    private final String protocol;
    private final Set<IoErrorKind> kinds;
    private final BooleanSupplier connected;
    private volatile Bound bound;

    private record Bound(Map<Operation, Timer> requests, Map<IoErrorKind, Counter> errors) {
    }

    /**
     * @param kinds     the error kinds this protocol can report; their counters exist (at 0) from binding on, so
     *                  that Prometheus sees the first error as an increase
     * @param connected whether the device answers now; read at every scrape
     */
    public DeviceIoMeters(String device, String protocol, Set<IoErrorKind> kinds, BooleanSupplier connected) {
        this.device = device;
        this.protocol = protocol;
        this.kinds = EnumSet.copyOf(kinds);
        this.connected = connected;
    }

    /** A request answered or failed after {@code nanos}. */
    public void request(Operation operation, long nanos) {
        Bound b = bound;
        if (b != null) {
            b.requests.get(operation).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    public void error(IoErrorKind kind) {
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException(protocol + " device " + device + " does not report " + kind
                    + "; it reports " + kinds);
        }
        Bound b = bound;
        if (b != null) {
            b.errors.get(kind).increment();
        }
    }

    /** The tags every meter of this device carries, for adapters that add meters of their own. */
    public Tags tags() {
        return Tags.of("device", device, "protocol", protocol);
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (bound != null) {
            throw new IllegalStateException("the meters of " + protocol + " device " + device + " are already bound");
        }
        Tags tags = tags();
        Map<Operation, Timer> requests = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            requests.put(operation, Timer.builder("furnace.io.request")
                    .description("Time a request to a field device took, answered or not")
                    .tags(tags).tag("operation", operation.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
        Map<IoErrorKind, Counter> errors = new EnumMap<>(IoErrorKind.class);
        for (IoErrorKind kind : kinds) {
            errors.put(kind, Counter.builder("furnace.io.errors").description("Failed requests to a field device")
                    .tags(tags).tag("kind", kind.tag()).register(registry));
        }
        Gauge.builder("furnace.io.connected", connected, c -> c.getAsBoolean() ? 1 : 0)
                .description("1 while the device answers, 0 while it is lost").tags(tags).strongReference(true)
                .register(registry);
        bound = new Bound(requests, errors);
    }
}
