package com.sicfurnace.controller.telemetry;

import java.util.List;

/**
 * Where telemetry goes: a time-series database that takes InfluxDB line-protocol lines. The disk-backed queue
 * hands it one batch at a time and deletes the batch only on {@link Delivery.Accepted}.
 *
 * <p>{@link #write} makes one attempt and never retries by itself: the caller owns retries and back-off, so every
 * failure is visible to it. It never throws for a problem of the server or the network; those come back as a
 * {@link Delivery}. It may throw for a programming error (a null list or line, a call after {@link #close}).
 */
public interface TelemetrySink extends AutoCloseable {

    /**
     * Writes one batch of line-protocol lines (no line terminators needed) in one request, and says what became
     * of it. An empty batch is accepted without a request.
     */
    Delivery write(List<String> lines);

    /** Releases connections and threads; no write may follow. */
    @Override
    void close();
}
