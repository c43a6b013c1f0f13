package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.Await;
import com.sicfurnace.controller.api.ApiSettings;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.simulator.app.SimulatorOptions;
import com.sicfurnace.simulator.app.SimulatorRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run history through the northbound API, with the production controller against the simulator: a run an
 * operator starts, holds and aborts leaves its report in a directory of its own, naming her, its recipe's file and
 * SHA-256, its start and end; the next controller on the same report directory lists it, serves its summary, its
 * trend decimated, and its audit records (her interventions) — and a run nobody started leaves no report.
 */
class RunHistoryLiveRunTest {
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    private SimulatorRuntime simulator;
    private LiveRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aFinishedRunIsKeptAndServedWithItsOperatorTrendAndInterventions() throws Exception {
        RunConfig config = liveConfig();
        run = LiveRun.start(config, profile(), recipe(), 0, JournalDecision.fresh(), false);
        String base = base();
        assertEquals(200, post(base, "{\"command\":\"start\",\"user\":\"olga\",\"role\":\"operator\"}").statusCode());
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "started by olga");
        assertEquals(200, post(base, "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"operator\","
                + "\"reason\":\"look at the window\"}").statusCode());
        assertEquals(200, post(base, "{\"command\":\"abort\",\"user\":\"olga\",\"role\":\"operator\","
                + "\"reason\":\"test boule\"}").statusCode());
        Await.until(() -> run.state() == RunState.ABORTED, WAIT, "aborted by olga");
        RunSummary summary = run.finish();
        Path runDir = run.writeReport(summary, config.reportDir()).orElseThrow();
        run = null;

        assertEquals(config.reportDir(), runDir.getParent(), "a directory of its own under the report directory");
        RunSummary read = ReportFiles.readSummary(runDir);
        assertEquals("olga", read.run().startedBy());
        assertEquals("operator", read.run().startedByRole());
        assertEquals("smoke.yaml", read.run().recipeFile());
        assertEquals(null, read.run().recipeVersion(), "a library file is no store version");
        assertEquals(64, read.run().recipeSha256().length());
        assertFalse(Instant.parse(read.run().endedAt()).isBefore(Instant.parse(read.run().startedAt())));
        assertEquals("aborted", read.finalState());

        run = LiveRun.start(config, profile(), recipe(), 0, JournalDecision.fresh(), false);
        base = base();
        String id = runDir.getFileName().toString();
        JsonNode runs = get(base + "/runs").path("runs");
        assertEquals(1, runs.size(), runs.toString());
        JsonNode listed = runs.get(0);
        assertEquals(id, listed.path("id").asText());
        assertEquals(read.run().id(), listed.path("run_id").asText());
        assertEquals("smoke", listed.path("recipe").asText());
        assertEquals(read.run().recipeSha256(), listed.path("recipe_sha256").asText());
        assertEquals("olga", listed.path("started_by").asText());
        assertEquals("aborted", listed.path("final_state").asText());
        assertFalse(listed.path("completed").asBoolean());
        assertEquals(read.run().startedAt(), listed.path("started_at").asText());
        assertEquals(read.run().endedAt(), listed.path("ended_at").asText());

        JsonNode one = get(base + "/runs/" + id);
        assertEquals(id, one.path("id").asText());
        assertEquals(read.steps().size(), one.path("steps").size());
        assertEquals(summary.audit().hash(), one.path("audit").path("head_hash").asText());

        JsonNode trend = get(base + "/runs/" + id + "/trend?width=1");
        assertEquals(1, trend.path("time_h").size(), "one bucket for a width of one");
        assertTrue(trend.path("rows").asInt() >= 1, trend.toString());
        assertEquals(trend.path("rows").asInt(), trend.path("rows_per_bucket").asInt());
        assertTrue(trend.path("series").path("seed_sp_c").path("max").isArray(), trend.toString());
        assertEquals(trend.path("rows").asInt(), get(base + "/runs/" + id + "/trend").path("time_h").size(),
                "every row without a width");

        JsonNode audit = get(base + "/runs/" + id + "/audit");
        assertTrue(audit.path("intact").asBoolean(), audit.toString());
        List<String> actions = new ArrayList<>();
        audit.path("entries").forEach(e -> {
            assertEquals(read.run().id(), e.path("run_id").asText(), "only this run's records");
            actions.add(e.path("user").asText() + ":" + e.path("action").asText());
        });
        assertTrue(actions.containsAll(List.of("olga:start", "olga:hold", "olga:abort")), actions.toString());

        assertEquals(404, status(base + "/runs/f01-no-such-run"));
        assertEquals(400, status(base + "/runs/..%2Fjournal"));
        assertEquals(400, status(base + "/runs/" + id + "/trend?width=0"));
        JsonNode two = get(base + "/runs/" + id + "/trend?columns=seed_sp_c,seed_c,ps2_power_kw");
        assertEquals(List.of("seed_c", "seed_sp_c"), fieldNames(two.path("series")), "only the columns asked for");
        assertEquals("[\"ps2_power_kw\"]", two.path("absent").toString(), "a one-zone furnace has no second supply");

        assertTrue(run.writeReport(run.finish(), config.reportDir()).isEmpty(), "a run nobody started: no report");
        try (var kept = Files.list(config.reportDir())) {
            assertEquals(List.of(runDir), kept.toList());
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private String base() {
        return "http://127.0.0.1:" + run.apiPort().orElseThrow() + "/api/v1";
    }

    private RunConfig liveConfig() throws Exception {
        int modbusPort = FreePort.pick();
        simulator = SimulatorRuntime.start(SimulatorOptions.local("6inch", FreePort.pick(), modbusPort,
                dir.resolve("plc")));
        return new RunConfig(SMOKE, dir.resolve("report"), 1.0,
                OpcUaSettings.insecure(simulator.opcuaEndpoint(), dir.resolve("controller"), 100),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 2000, Map.of()), MetricsSettings.OFF,
                dir.resolve("audit")).withApi(ApiSettings.local(0, dir.resolve("api")));
    }

    private static FurnaceProfile profile() {
        return ProfileLoader.shipped("6inch", FurnaceProfile.class);
    }

    private static Recipe recipe() {
        return RecipeLoader.load(SMOKE, profile().recipeLimits());
    }

    private String token() throws Exception {
        return Files.readString(dir.resolve("api").resolve("token")).strip();
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token()).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token())
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> post(String base, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/commands"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
