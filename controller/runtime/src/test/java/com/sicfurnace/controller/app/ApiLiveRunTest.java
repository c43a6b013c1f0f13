package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.Await;
import com.sicfurnace.controller.api.ApiSettings;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.TrailRecords;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production controller with its northbound API, against the simulator over OPC UA and Modbus: the API shows the
 * real furnace's values, and an operator's hold sent through it reaches the core with the operator's name and reason,
 * holds the run, and is in the audit trail as hers.
 */
class ApiLiveRunTest {
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aRunThatWaitsForItsStartIsStartedThroughTheApi() throws Exception {
        run = LiveRun.start(liveConfig(), profile(), recipe(), 0, JournalDecision.fresh(), false);
        String base = "http://127.0.0.1:" + run.apiPort().orElseThrow() + "/api/v1";
        Thread.sleep(1000);
        assertEquals(RunState.READY, run.state(), "nobody has started it");
        HttpResponse<String> start = post(base, "{\"command\":\"start\",\"user\":\"olga\",\"role\":\"operator\"}");
        assertEquals(200, start.statusCode(), start.body());
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "started by olga");
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

    private HttpResponse<String> post(String base, String body) throws Exception {
        String token = Files.readString(dir.resolve("api").resolve("token")).strip();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOperatorsHoldThroughTheApiHoldsTheRunAndIsAuditedAsHers() throws Exception {
        run = LiveRun.start(liveConfig(), profile(), recipe(), 0);
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "the run running");
        String base = "http://127.0.0.1:" + run.apiPort().orElseThrow() + "/api/v1";
        String token = Files.readString(dir.resolve("api").resolve("token")).strip();
        JsonNode snapshot = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/snapshot")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("running", snapshot.path("values").path("state").asText());
        assertEquals("good", snapshot.path("quality").path("cdg_pressure_mbar").asText(), "read from the PLC");

        HttpResponse<String> hold = post(base, "{\"command\":\"hold\",\"user\":\"olga\",\"role\":\"operator\","
                + "\"reason\":\"lid seal check\"}");
        assertEquals(200, hold.statusCode(), hold.body());
        Await.until(() -> run.state() == RunState.HELD, WAIT, "held by olga");
        run.close();
        List<AuditRecord> trail = TrailRecords.read(dir.resolve("audit"));
        AuditRecord held = trail.stream().filter(r -> r.entry().action().equals("hold")).findFirst()
                .orElseThrow(() -> new AssertionError("no hold in " + TrailRecords.actions(trail)));
        assertEquals("olga", held.entry().user());
        assertEquals("operator", held.entry().role());
        assertEquals("lid seal check", held.entry().reason());
        assertTrue(TrailRecords.actions(trail).contains("controller_stop"));
    }
}
