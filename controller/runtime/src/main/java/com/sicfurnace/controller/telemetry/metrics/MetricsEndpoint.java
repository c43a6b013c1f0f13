package com.sicfurnace.controller.telemetry.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's meters in a Prometheus registry, every one tagged {@code furnace}, served as
 * {@code GET /metrics} in the Prometheus text format by the JDK's HTTP server on two threads of its own. Scrapes
 * read the meters; they never touch the scan thread.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    /** Prometheus text format 0.0.4: what every Prometheus version accepts. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PATH = "/metrics";
    private static final int THREADS = 2;
    private static final int STOP_WAIT_S = 2;

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server, ExecutorService executor) {
        this.registry = registry;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens at {@code bind:port} (port 0 here picks a free port: for tests). Fails, naming the address, when it
     * cannot listen there.
     */
    public static MetricsEndpoint start(String bind, int port, String furnace) {
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("metrics: cannot resolve the bind address '" + bind + "'");
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("furnace", furnace);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException("metrics: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another metrics.port, or 0 to switch the endpoint off", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        MetricsEndpoint endpoint = new MetricsEndpoint(registry, server, executor);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("metrics: Prometheus endpoint http://{}:{}{} (furnace={})", bind,
                server.getAddress().getPort(), PATH, furnace);
        return endpoint;
    }

    /** Binds every binder's meters to this endpoint's registry. */
    public void bind(List<MeterBinder> binders) {
        binders.forEach(b -> b.bindTo(registry));
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found; the metrics are at " + PATH + "\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
            } else {
                scrape(exchange);
            }
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            registry.scrape(body, CONTENT_TYPE);
        } catch (RuntimeException e) {
            LOG.error("metrics: scrape failed: {}", e.toString(), e);
            send(exchange, 500, "text/plain; charset=utf-8", "scrape failed: " + e + "\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, body.size());
        body.writeTo(exchange.getResponseBody());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * Stops listening and closes the registry. A scrape under way is cut off (Prometheus tries again at its next
     * interval): JDK 17's server would otherwise wait out the whole grace period even when idle.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_S, TimeUnit.SECONDS)) {
                LOG.warn("metrics: HTTP threads did not stop within {} s", STOP_WAIT_S);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        registry.close();
    }
}
