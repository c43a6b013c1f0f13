package com.sicfurnace.controller.telemetry.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import com.sicfurnace.controller.telemetry.Delivery;
import com.sicfurnace.controller.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes telemetry through influxdb-client-java's blocking write API: one batch, one {@code POST /api/v2/write}
 * with nanosecond precision, gzip-compressed unless {@link InfluxSettings#gzip()} is off.
 *
 * <p>Pointing it at a database: see {@link InfluxSettings} for InfluxDB 2.x and Cloud, 1.8 (token
 * {@code user:password}, bucket {@code database/retention_policy}) and 3.x (its v2-compatible
 * {@code /api/v2/write}). Any other server that accepts v2 line-protocol writes works too (QuestDB is the one in
 * the tests).
 *
 * <p>One attempt per batch, nothing retried behind the caller's back: the client's blocking API has no retry
 * (its back-off belongs to the asynchronous {@code WriteApi}), and OkHttp's silent retry on connection failure is
 * switched off. Any 2xx (InfluxDB answers 204, some servers 200) is {@link Delivery.Accepted}. Failures map to
 * {@link Delivery} as follows, and each is logged with its status and message (never the token):
 * <ul>
 *   <li>429 and 503: {@link Delivery.RetryLater} after the Retry-After header (seconds or HTTP date), else after
 *       {@link #DEFAULT_RETRY_AFTER}; other 5xx, 408, an unfollowed 1xx/3xx, timeouts, refused or reset
 *       connections, unknown hosts, TLS failures: RetryLater after {@link #DEFAULT_RETRY_AFTER};</li>
 *   <li>401, 403, and 404 (no such bucket or organisation, or no v2 write endpoint, as on InfluxDB 1.7):
 *       {@link Delivery.Unauthorized}: the data is fine, the settings or token are not;</li>
 *   <li>400 and the other 4xx (malformed line, field type conflict, 422 outside retention, 413 too large):
 *       {@link Delivery.Rejected}. InfluxDB may have stored the valid lines of a partially bad batch; writing the
 *       same points again later overwrites them, so a replay after repair does no harm.</li>
 * </ul>
 * Each call is bounded by connect + write + read timeout as OkHttp's call timeout.
 */
public final class InfluxSink implements TelemetrySink {
    /** How long to wait before the next try when the server gave no Retry-After. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);

    private final InfluxSettings settings;
    private final InfluxDBClient client;
    private final WriteApiBlocking writes;
    private final WriteFailures failures;
    private final AtomicBoolean closed = new AtomicBoolean();

    public InfluxSink(InfluxSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that dates in Retry-After headers are measured against. */
    public InfluxSink(InfluxSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failures = new WriteFailures(Objects.requireNonNull(clock, "clock"), DEFAULT_RETRY_AFTER);
        this.client = InfluxDBClientFactory.create(options(settings));
        if (settings.gzip()) {
            client.enableGzip();
        }
        this.writes = client.getWriteApiBlocking();
        LOG.info("telemetry sink ready url={} org={} bucket={} gzip={}", settings.url(), settings.org(),
                settings.bucket(), settings.gzip());
    }

    @Override
    public Delivery write(List<String> lines) {
        List<String> batch = List.copyOf(lines); // refuses null lines, which the client would drop silently
        if (closed.get()) {
            throw new IllegalStateException("telemetry sink is closed");
        }
        if (batch.isEmpty()) {
            return new Delivery.Accepted();
        }
        try {
            writes.writeRecords(settings.bucket(), settings.org(), WritePrecision.NS, batch);
            return new Delivery.Accepted();
        } catch (InfluxException e) {
            Delivery delivery = failures.toDelivery(e);
            log(delivery, batch.size());
            return delivery;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    private static InfluxDBClientOptions options(InfluxSettings settings) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1)) // the client's own default
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .writeTimeout(settings.writeTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.connectTimeout().plus(settings.writeTimeout()).plus(settings.readTimeout()));
        InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
                .url(settings.url())
                .org(settings.org())
                .bucket(settings.bucket())
                .precision(WritePrecision.NS)
                .okHttpClient(http);
        if (!settings.token().isEmpty()) {
            options.authenticateToken(settings.token().toCharArray());
        }
        return options.build();
    }

    private void log(Delivery delivery, int lines) {
        if (delivery instanceof Delivery.RetryLater r) {
            LOG.warn("telemetry write deferred url={} lines={} retry_after_ms={} reason={}", settings.url(), lines,
                    r.after().toMillis(), r.reason());
        } else if (delivery instanceof Delivery.Rejected r) {
            LOG.error("telemetry write rejected url={} lines={} status={} message={}", settings.url(), lines,
                    r.status(), r.serverMessage());
        } else if (delivery instanceof Delivery.Unauthorized u) {
            LOG.error("telemetry write refused url={} bucket={} org={} status={} message={}", settings.url(),
                    settings.bucket(), settings.org(), u.status(), u.serverMessage());
        }
    }
}
