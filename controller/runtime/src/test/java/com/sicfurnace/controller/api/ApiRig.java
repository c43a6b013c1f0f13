package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.alarm.AlarmDefinition;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.scan.TestRecipes;
import com.sicfurnace.iolist.IoList;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The API over a real core: the core's test rig scans a healthy 6-inch furnace on a thread of its own (as the
 * controller's scan loop would), publishing into a real scan feed and taking commands from a real command queue,
 * and the API serves it on a free loopback port.
 */
final class ApiRig implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final Path dir;
    final CoreRig core;
    final Recipe recipe = TestRecipes.hot("6inch", HeaterMode.TEMPERATURE);
    final ScanFeed feed = new ScanFeed();
    final CommandQueue commands = new CommandQueue();
    final ApiServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor();

    /** @param processAlarms edits the profile's process alarms before the API is given them */
    ApiRig(Path dir, ApiSettings settings, UnaryOperator<List<AlarmDefinition>> processAlarms) throws IOException {
        this.dir = dir;
        this.core = new CoreRig("6inch", recipe, commands, feed);
        Path audit = Files.createDirectories(dir.resolve("audit"));
        ControllerFacts facts = new ControllerFacts("f07", "6inch", IoList.fromClasspath().forFurnace("6inch"),
                recipe, dir.resolve("hot.yaml"), "ab".repeat(32), "f07-run", audit,
                processAlarms.apply(core.profile.alarms().definitions()), Optional.empty(),
                Optional.of(dir.resolve("report")));
        this.server = ApiServer.start(settings, facts, feed, commands, 20);
    }

    ApiRig(Path dir, ApiSettings settings) throws IOException {
        this(dir, settings, UnaryOperator.identity());
    }

    ApiRig(Path dir) throws IOException {
        this(dir, ApiSettings.local(0, dir.resolve("api")));
    }

    /** Scans on the rig's own thread, one every {@code periodMillis} of wall time, until closed. */
    ApiRig scanning(long periodMillis) {
        scanner.scheduleAtFixedRate(() -> core.scans(1), 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs scans now, on the calling thread (before {@link #scanning}). */
    void scans(int n) {
        core.scans(n);
    }

    String token() throws IOException {
        return Files.readString(dir.resolve("api").resolve("token")).strip();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket client of the live stream, with the service token (or another) on the upgrade request. */
    StreamClient stream(String bearer) throws Exception {
        return StreamClient.connect(http, URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream"), bearer);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        scanner.shutdownNow();
        scanner.awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }
}
