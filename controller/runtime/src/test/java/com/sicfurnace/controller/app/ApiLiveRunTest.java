package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.sicfurnace.controller.run.RunJournal;
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
import java.util.Optional;
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

    @Test
    void aRecipeLoadedThroughTheApiBeforeTheStartIsTheOneThatRunsAndNoneAfter() throws Exception {
        Path library = Files.createDirectories(dir.resolve("recipes"));
        Files.copy(SMOKE, library.resolve("smoke.yaml"));
        Files.writeString(library.resolve("smoke-b.yaml"), Files.readString(SMOKE)
                .replace("recipe: smoke", "recipe: smoke-b").replace("name: pump-down", "name: pump-down-b"));
        Files.copy(SMOKE.resolveSibling("pvt-8inch.yaml"), library.resolve("pvt-8inch.yaml"));
        Files.writeString(library.resolve("broken.yaml"), Files.readString(SMOKE).replace("ar_sccm: 3000",
                "ar_sccm: -5"));
        RunConfig config = liveConfig();
        config = config.withApi(new ApiSettings(true, "127.0.0.1", 0, dir.resolve("api"), Optional.empty(),
                Optional.empty(), Optional.of(library)));
        run = LiveRun.start(config, profile(), recipe(), 0, JournalDecision.fresh(), false);
        String base = "http://127.0.0.1:" + run.apiPort().orElseThrow() + "/api/v1";

        JsonNode offered = get(base + "/recipes");
        assertEquals("smoke", offered.path("loaded").path("name").asText());
        Map<String, JsonNode> byFile = new java.util.TreeMap<>();
        offered.path("available").forEach(e -> byFile.put(e.path("file").asText(), e));
        assertEquals(List.of("broken.yaml", "pvt-8inch.yaml", "smoke-b.yaml", "smoke.yaml"),
                List.copyOf(byFile.keySet()));
        assertTrue(byFile.get("smoke-b.yaml").path("runnable").asBoolean());
        assertFalse(byFile.get("pvt-8inch.yaml").path("runnable").asBoolean());
        assertEquals("pvt-8inch.yaml:5: furnace: this recipe is for furnace '8inch', but this furnace is '6inch'",
                byFile.get("pvt-8inch.yaml").path("problem").asText());
        assertTrue(byFile.get("broken.yaml").path("problem").asText().contains("ar_sccm"),
                byFile.get("broken.yaml").toString());

        HttpResponse<String> broken = post(base, load("broken.yaml"));
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("broken.yaml cannot run on this 6inch furnace"), broken.body());
        HttpResponse<String> outside = post(base, load("../smoke.yaml"));
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("field recipe"), outside.body());

        HttpResponse<String> loaded = post(base, load("smoke-b.yaml"));
        assertEquals(200, loaded.statusCode(), loaded.body());
        assertTrue(JSON.readTree(loaded.body()).path("detail").asText().startsWith("loaded 'smoke-b' from "),
                loaded.body());
        assertEquals("smoke-b", get(base + "/recipes").path("loaded").path("name").asText());

        assertEquals(200, post(base, "{\"command\":\"start\",\"user\":\"olga\",\"role\":\"operator\"}")
                .statusCode());
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "started by olga");
        Await.until(() -> "pump-down-b".equals(get(base + "/snapshot").path("values").path("step_name").asText()),
                WAIT, "the loaded recipe's first step");
        Await.until(() -> journalRecipe().endsWith("smoke-b.yaml"), WAIT, "the journal names the loaded recipe");
        HttpResponse<String> late = post(base, load("smoke.yaml"));
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("a recipe is loaded only before the start; the run is running"), late.body());

        assertEquals("smoke-b", run.finish().recipe());
        List<AuditRecord> trail = TrailRecords.read(dir.resolve("audit"));
        List<AuditRecord> loads = trail.stream().filter(r -> r.entry().action().equals("load_recipe")).toList();
        assertEquals(2, loads.size(), "the one done and the late one refused: " + TrailRecords.actions(trail));
        assertEquals("olga", loads.get(0).entry().user());
        assertEquals("next boule", loads.get(0).entry().reason());
        assertEquals("pump-down-b", loads.get(0).entry().after().get("first_step"));
    }

    @Test
    void aVersionOfTheHmisStoreSentAsTextIsCheckedKeptAndLoaded() throws Exception {
        run = LiveRun.start(liveConfig(), profile(), recipe(), 0, JournalDecision.fresh(), false);
        String base = "http://127.0.0.1:" + run.apiPort().orElseThrow() + "/api/v1";
        String text = Files.readString(SMOKE).replace("recipe: smoke", "recipe: smoke-c");
        String sha = AuditRecord.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        HttpResponse<String> forged = post(base, version(text, "ab".repeat(32)));
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("field sha256: the text's SHA-256 is " + sha), forged.body());
        String broken = text.replace("ar_sccm: 3000", "ar_sccm: -5");
        HttpResponse<String> invalid = post(base, version(broken,
                AuditRecord.sha256(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("field yaml: version 3 of smoke cannot run on this 6inch furnace"),
                invalid.body());

        HttpResponse<String> loaded = post(base, version(text, sha));
        assertEquals(200, loaded.statusCode(), loaded.body());
        Path kept = dir.resolve("api").resolve("received").resolve("smoke-v3-" + sha.substring(0, 12) + ".yaml");
        assertEquals(text, Files.readString(kept), "kept with exactly the bytes the store sent");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(kept)));
        JsonNode recipes = get(base + "/recipes").path("loaded");
        assertEquals("smoke-c", recipes.path("name").asText());
        assertEquals(sha, recipes.path("sha256").asText());
        assertEquals(kept.getFileName().toString(), recipes.path("file").asText());
    }

    private static String version(String yaml, String sha256) throws Exception {
        return JSON.writeValueAsString(Map.of("command", "load_recipe", "store_recipe", "smoke", "version", 3,
                "yaml", yaml, "sha256", sha256, "user", "olga", "role", "operator", "reason", "approved version 3"));
    }

    private static String load(String file) {
        return "{\"command\":\"load_recipe\",\"recipe\":\"" + file + "\",\"user\":\"olga\",\"role\":"
                + "\"operator\",\"reason\":\"next boule\"}";
    }

    private String journalRecipe() {
        try {
            return RunJournal.read(dir.resolve("journal")).map(j -> j.header().recipeFile()).orElse("");
        } catch (RunJournal.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String url) {
        try {
            String token = Files.readString(dir.resolve("api").resolve("token")).strip();
            return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
