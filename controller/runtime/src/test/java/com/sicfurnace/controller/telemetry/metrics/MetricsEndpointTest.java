package com.sicfurnace.controller.telemetry.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint over loopback HTTP. */
class MetricsEndpointTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private MetricsEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEveryBoundMeterInThePrometheusTextFormatTaggedWithTheFurnace() throws Exception {
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, "f07");
        double[] temperature = {2315.5};
        endpoint.bind(List.of(registry -> {
            Gauge.builder("furnace.seed.temperature", temperature, t -> t[0]).baseUnit("celsius")
                    .register(registry);
            Counter.builder("furnace.scans").register(registry).increment(3);
        }));
        HttpResponse<String> response = send("GET", "/metrics");
        assertEquals(200, response.statusCode());
        assertEquals(MetricsEndpoint.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("furnace_seed_temperature_celsius{furnace=\"f07\"} 2315.5\n"),
                response.body());
        assertTrue(response.body().contains("furnace_scans_total{furnace=\"f07\"} 3.0\n"), response.body());
        temperature[0] = 2316.0;
        assertTrue(send("GET", "/metrics").body().contains("furnace_seed_temperature_celsius{furnace=\"f07\"} 2316.0"),
                "read at every scrape");
    }

    @Test
    void answersOtherPathsAndMethodsWithClearRefusals() throws Exception {
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, "f07");
        HttpResponse<String> other = send("GET", "/metricsx");
        assertEquals(404, other.statusCode());
        assertTrue(other.body().contains("/metrics"), other.body());
        HttpResponse<String> post = send("POST", "/metrics");
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aPortInUseIsRefusedNamingTheAddress() {
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, "f07");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> MetricsEndpoint.start("127.0.0.1", endpoint.port(), "f08"));
        assertTrue(e.getMessage().startsWith("metrics: cannot listen on 127.0.0.1:" + endpoint.port()),
                e.getMessage());
        assertTrue(e.getMessage().contains("metrics.port"), e.getMessage());
    }

    @Test
    void closeStopsListening() throws Exception {
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, "f07");
        assertEquals(200, send("GET", "/metrics").statusCode());
        endpoint.close();
        IOException refused = assertThrows(IOException.class, () -> send("GET", "/metrics"));
        assertTrue(refused instanceof ConnectException, refused.toString());
        endpoint = null;
    }
}
