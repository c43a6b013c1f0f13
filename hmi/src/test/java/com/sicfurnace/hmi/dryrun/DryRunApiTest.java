package com.sicfurnace.hmi.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.TestHmi;
import com.sicfurnace.hmi.app.HmiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dry runs through the HMI's API: an engineer's request runs the version's exact text through the controller's
 * virtual-time path against the simulator in a child JVM, and its report is served; operators are refused; the
 * request is audited; a run the HMI was stopped under is marked failed when it starts again.
 */
class DryRunApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SMOKE = Path.of("..", "docs", "recipes", "smoke.yaml");

    @TempDir
    Path dir;

    @Test
    void anEngineersDryRunOfAVersionReportsTheSmokeRunToItsEnd() throws Exception {
        try (TestHmi hmi = TestHmi.start(dir)) {
            Browser erika = hmi.userWithRole("erika", "engineer");
            Browser olga = hmi.userWithRole("olga", "operator");
            String smoke = Files.readString(SMOKE);
            JsonNode v1 = JSON.readTree(erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions",
                    JSON.writeValueAsString(Map.of("yaml", smoke, "comment", "as shipped"))).body());

            assertEquals(403, olga.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/1/dry-runs", "{}").status());
            assertEquals(404, erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/7/dry-runs", "{}").status());
            Browser.Response requested = erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/1/dry-runs",
                    "{\"comment\":\"before the approval\"}");
            assertEquals(202, requested.status(), requested.body());
            JsonNode run = JSON.readTree(requested.body());
            assertEquals("smoke-v1-001", run.path("id").asText());
            assertEquals(v1.path("sha256").asText(), run.path("sha256").asText());

            JsonNode ended = awaitEnd(erika, run.path("id").asText());
            assertEquals("finished", ended.path("state").asText(), ended.toString());
            assertTrue(ended.path("completed").asBoolean(), ended.toString());
            JsonNode summary = JSON.readTree(erika.get("/api/v1/dry-runs/smoke-v1-001/summary").body());
            assertEquals("smoke", summary.path("recipe").asText());
            assertTrue(summary.path("completed").asBoolean());
            assertEquals(9, summary.path("steps").size(), summary.toString());
            assertEquals(v1.path("sha256").asText(), summary.path("run").path("recipe_sha256").asText());
            assertEquals(1, summary.path("run").path("recipe_version").asInt());
            assertEquals("erika", summary.path("run").path("started_by").asText());
            JsonNode trend = JSON.readTree(erika.get("/api/v1/dry-runs/smoke-v1-001/trend?width=100&columns=seed_c,"
                    + "seed_sp_c,ps2_power_kw").body());
            assertTrue(trend.path("time_h").size() <= 100 && trend.path("time_h").size() > 50, trend.toString());
            assertEquals("[\"seed_c\",\"seed_sp_c\"]", trend.path("columns").toString(), "in the order asked");
            assertEquals("[\"ps2_power_kw\"]", trend.path("absent").toString(), "a 6-inch furnace has one supply");
            assertEquals(trend.path("time_h").size(), trend.path("series").path("seed_c").path("last").size());
            assertEquals(400, erika.get("/api/v1/dry-runs/smoke-v1-001/trend?width=0").status());
            assertEquals(smoke, Files.readString(hmi.dataDir().resolve(HmiServer.DRY_RUNS_DIR)
                    .resolve("smoke-v1-001").resolve("smoke.yaml")), "the version's text is what ran");
            assertEquals("smoke-v1-001", JSON.readTree(erika.get("/api/v1/recipes/smoke/dry-runs").body()).path(0)
                    .path("id").asText());

            AuditEntry audited = hmi.auditRecords().stream().map(AuditRecord::entry)
                    .filter(e -> e.action().equals("recipe_dry_run")).findFirst().orElseThrow();
            assertEquals("erika", audited.user());
            assertEquals("before the approval", audited.reason());
            assertEquals(v1.path("sha256").asText(), audited.after().get("sha256"));
        }
    }

    @Test
    void aDryRunUnderWayWhenTheHmiStoppedIsMarkedFailedAtTheNextStart() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("dry-runs").resolve("smoke-v1-001"));
        Files.writeString(runs.resolve(DryRuns.META), "{\"id\":\"smoke-v1-001\",\"recipe\":\"smoke\",\"version\":1,"
                + "\"sha256\":\"ab\",\"user\":\"erika\",\"requested\":\"2026-03-02T08:00:00Z\",\"state\":\"running\","
                + "\"wall_s\":0,\"completed\":false,\"problem\":\"\"}");
        try (DryRuns dryRuns = DryRuns.open(dir.resolve("dry-runs"), java.time.Clock.systemUTC())) {
            DryRun run = dryRuns.get("smoke-v1-001").orElseThrow();
            assertEquals(DryRun.State.FAILED, run.state());
            assertEquals("the HMI stopped before the dry run ended", run.problem());
            assertTrue(dryRuns.report("smoke-v1-001").isEmpty(), "no report");
        }
        assertTrue(Files.readString(runs.resolve(DryRuns.META)).contains("\"state\":\"failed\""), "kept failed");
    }

    private static JsonNode awaitEnd(Browser engineer, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode run = null;
        while (System.nanoTime() < deadline) {
            run = JSON.readTree(engineer.get("/api/v1/dry-runs/" + id).body());
            String state = run.path("state").asText();
            if (state.equals("finished") || state.equals("failed")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("dry run " + id + " did not end within 120 s: " + run);
    }
}
