package com.sicfurnace.controller.io.opcua;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The OPC UA adapter's meters, tagged with the PLC's device name and {@code protocol="opcua"}: the time of every
 * read and write request, errors by kind (timeouts, failed connects, refused writes, other failed requests), and
 * connected (inputs arrive); besides those the session's state, whether the subscription is healthy, and how
 * often the session was re-established. Recorded on the adapter's I/O thread and Milo's threads.
 */
final class OpcUaMetrics implements MeterBinder {
    private final PlcSession session;

    OpcUaMetrics(PlcSession session) {
        this.session = session;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        session.meters().bindTo(registry);
        Tags tags = session.meters().tags();
        Gauge.builder("furnace.opcua.session.active", session, s -> s.sessionActive() ? 1 : 0)
                .description("1 while the session with the PLC is active").tags(tags).register(registry);
        Gauge.builder("furnace.opcua.subscription.healthy", session, s -> s.subscriptionHealthy() ? 1 : 0)
                .description("1 while the subscription delivers data or keep-alives; 0 means inputs are read "
                        + "every scan instead").tags(tags).register(registry);
        FunctionCounter.builder("furnace.opcua.reconnects", session, PlcSession::reconnects)
                .description("Times the session with the PLC was re-established after it had been lost")
                .tags(tags).register(registry);
    }
}
