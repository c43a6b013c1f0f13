package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipe store over HTTP: engineers save versions, a second engineer approves (never the author), operators
 * read but may not save, and every save and approval (refused ones too) is in the HMI's audit trail.
 */
class HmiRecipeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SMOKE = Path.of("..", "docs", "recipes", "smoke.yaml");

    @TempDir
    Path dir;
    private TestHmi hmi;

    @BeforeEach
    void start() throws Exception {
        hmi = TestHmi.start(dir);
    }

    @AfterEach
    void stop() {
        hmi.close();
    }

    private static String body(String yaml, String comment) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("yaml", yaml, "comment", comment));
    }

    @Test
    void aTextBeingEditedIsCheckedByTheControllersValidatorWithItsLines() throws Exception {
        Browser erika = hmi.userWithRole("erika", "engineer");
        String broken = Files.readString(SMOKE).replace("ar_sccm: 3000", "ar_sccm: -5");
        JsonNode checked = JSON.readTree(erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/check",
                JSON.writeValueAsString(java.util.Map.of("yaml", broken))).body());
        assertFalse(checked.path("valid").asBoolean());
        JsonNode problem = checked.path("problems").path(0);
        assertEquals("ar_sccm", problem.path("field").asText(), checked.toString());
        int line = problem.path("line").asInt();
        assertTrue(broken.lines().toList().get(line - 1).contains("ar_sccm: -5"), "the line of the bad value: " + line);
        assertTrue(JSON.readTree(erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/check",
                JSON.writeValueAsString(java.util.Map.of("yaml", Files.readString(SMOKE)))).body())
                .path("valid").asBoolean());
    }

    @Test
    void anEngineerSavesAnotherApprovesAndAnOperatorOnlyReads() throws Exception {
        String smoke = Files.readString(SMOKE);
        String version1 = body(smoke, "first cut");
        Browser erika = hmi.userWithRole("erika", "engineer");
        Browser jonas = hmi.userWithRole("jonas", "engineer");
        Browser olga = hmi.userWithRole("olga", "operator");

        Browser.Response saved = erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions", version1);
        assertEquals(201, saved.status(), saved.toString());
        JsonNode version = JSON.readTree(saved.body());
        assertEquals(1, version.path("version").asInt());
        assertEquals("erika", version.path("author").asText());
        assertTrue(!version.path("approved").asBoolean());

        assertEquals(403, olga.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions", version1).status(),
                "an operator may not save");
        Browser.Response own = erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/1/approval",
                "{\"comment\":\"looks right\"}");
        assertEquals(403, own.status());
        assertTrue(own.body().contains("\"error\":\"four_eyes\""), own.body());
        Browser.Response approved = jonas.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/1/approval",
                "{\"comment\":\"checked against the brief\"}");
        assertEquals(201, approved.status(), approved.toString());

        JsonNode read = JSON.readTree(olga.get("/api/v1/recipes/smoke/versions/1").body());
        assertEquals(smoke, read.path("yaml").asText());
        assertTrue(read.path("valid").asBoolean());
        assertEquals("jonas", read.path("approved_by").asText());
        assertEquals(1, JSON.readTree(olga.get("/api/v1/recipes").body()).size());
        assertEquals(404, olga.get("/api/v1/recipes/smoke/versions/2").status());
        Browser.Response badName = erika.jsonWithCsrf("POST", "/api/v1/recipes/Smoke!/versions", version1);
        assertEquals(400, badName.status());

        List<AuditRecord> trail = hmi.auditRecords().stream()
                .filter(r -> r.entry().action().startsWith("recipe_")).toList();
        assertEquals(List.of("recipe_save", "recipe_approve", "recipe_approve"),
                trail.stream().map(r -> r.entry().action()).toList());
        assertEquals(Outcome.REFUSED, trail.get(1).entry().outcome(), "the author's own approval, refused");
        assertEquals("erika", trail.get(1).entry().user());
        assertEquals(Outcome.DONE, trail.get(2).entry().outcome());
        assertEquals("jonas", trail.get(2).entry().user());
        assertEquals(version.path("sha256").asText(), String.valueOf(trail.get(2).entry().after().get("sha256")));
    }

    @Test
    void aVersionIsExportedAsItsFileByteForByteAndApprovedOnesAreListedWithTheirFurnace() throws Exception {
        String smoke = Files.readString(SMOKE);
        Browser erika = hmi.userWithRole("erika", "engineer");
        Browser jonas = hmi.userWithRole("jonas", "engineer");
        Browser olga = hmi.userWithRole("olga", "operator");
        assertEquals(201, erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions", body(smoke, "v1")).status());
        assertEquals(201, erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions",
                body(smoke.replace("limit_k: 10", "limit_k: 8"), "v2")).status());
        assertEquals(201, jonas.jsonWithCsrf("POST", "/api/v1/recipes/smoke/versions/1/approval",
                "{\"comment\":\"ok\"}").status());

        Browser.Response exported = olga.get("/api/v1/recipes/smoke/versions/1/yaml");
        assertEquals(200, exported.status());
        assertEquals(smoke, exported.body(), "the text exactly as saved");
        assertEquals("attachment; filename=\"smoke-v1.yaml\"", exported.header("Content-Disposition").orElseThrow());
        assertEquals(AuditRecord.sha256(smoke), exported.header("X-Recipe-SHA256").orElseThrow());
        assertEquals(404, olga.get("/api/v1/recipes/smoke/versions/3/yaml").status());

        JsonNode approved = JSON.readTree(olga.get("/api/v1/recipes/approved").body());
        assertEquals(1, approved.size(), "v2 is not approved: " + approved);
        assertEquals("smoke", approved.path(0).path("recipe").asText());
        assertEquals(1, approved.path(0).path("version").asInt());
        assertEquals("6inch", approved.path(0).path("furnace").asText());
        assertEquals("jonas", approved.path(0).path("approved_by").asText());
        JsonNode list = JSON.readTree(olga.get("/api/v1/recipes").body());
        assertEquals("[1]", list.path(0).path("approved_versions").toString());
    }

    @Test
    void aTextNamingAnotherRecipeThanItsStoreNameIsAProblemOnTheRecipeLine() throws Exception {
        Browser erika = hmi.userWithRole("erika", "engineer");
        String smoke = Files.readString(SMOKE);
        JsonNode checked = JSON.readTree(erika.jsonWithCsrf("POST", "/api/v1/recipes/smoke-b/check",
                JSON.writeValueAsString(java.util.Map.of("yaml", smoke))).body());
        assertFalse(checked.path("valid").asBoolean(), checked.toString());
        JsonNode problem = checked.path("problems").path(0);
        assertEquals("recipe", problem.path("field").asText());
        assertEquals(smoke.lines().toList().indexOf("recipe: smoke") + 1, problem.path("line").asInt());
        assertTrue(problem.path("message").asText().contains("stored as 'smoke-b'"), problem.toString());
    }
}
