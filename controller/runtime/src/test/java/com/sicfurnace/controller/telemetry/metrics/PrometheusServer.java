package com.sicfurnace.controller.telemetry.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.io.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real Prometheus (the Debian package's binary) for tests: scrapes one target every second, answers PromQL over
 * its HTTP API on a free loopback port, keeps its data in a directory of the test. Stopped with SIGTERM on close.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final long READY_TIMEOUT_MS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sample of an instant vector: its labels and value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code target} (host:port, path /metrics) every second; waits until ready. */
    public static PrometheusServer start(Path dir, String target) throws IOException, InterruptedException {
        Path binary = binary();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                + "scrape_configs:\n  - job_name: controller\n    static_configs:\n      - targets: ['" + target
                + "']\n");
        Path log = dir.resolve("prometheus.log");
        int port = FreePort.pick();
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The binary on the PATH; a test that needs it fails (never skips) when it is missing. */
    private static Path binary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(path.split(":")).map(d -> Path.of(d, "prometheus")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("the prometheus binary is not on the PATH (" + path + "): "
                        + "install Debian's package with 'sudo apt-get install prometheus' (scripts/test does)"));
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited with " + process.exitValue() + ": " + logText());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus not ready within " + READY_TIMEOUT_MS + " ms: " + logText());
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(HTTP_TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Evaluates a PromQL instant query now. */
    public List<Sample> query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql,
                StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new AssertionError("query " + promql + " failed: " + response.statusCode() + " " + response.body());
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode result : body.path("data").path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            result.path("metric").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            samples.add(new Sample(labels, Double.parseDouble(result.path("value").get(1).asText())));
        }
        return samples;
    }

    /** Queries until the samples satisfy the condition; fails with the last answer after the timeout. */
    public List<Sample> awaitQuery(String promql, Predicate<List<Sample>> condition, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sample> last = query(promql);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + promql + " answered " + last
                        + "; targets: " + get("/api/v1/targets").body());
            }
            Thread.sleep(250);
            last = query(promql);
        }
        return last;
    }

    private String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: Prometheus shuts down cleanly
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("prometheus did not stop within 10 s of SIGTERM; killed");
        }
    }
}
