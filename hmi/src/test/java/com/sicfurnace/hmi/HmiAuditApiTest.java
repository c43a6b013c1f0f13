package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditIndex;
import com.sicfurnace.controller.audit.AuditJson;
import com.sicfurnace.controller.audit.AuditQuery;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.audit.Outcome;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit viewer's API against the HMI's own trail and a controller's (a stand-in serving a real trail through the
 * audit module, as the controller does): engineers only; filters; all sources merged newest first and paged without
 * a record lost or repeated; the CSV export of exactly the selection, quoted, and itself audited.
 */
class HmiAuditApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRICKY = "check, \"the\" window\nagain";

    @TempDir
    Path dir;
    private Javalin controller;
    private TestHmi hmi;

    @BeforeEach
    void start() throws Exception {
        Path trail = dir.resolve("f09-audit");
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // olga's holds and resumes, a minute apart around the HMI's start; bob's one acknowledgement
            entries.add(new AuditEntry(TestHmi.START.plus(Duration.ofMinutes(i - 2)), "olga", "operator",
                    i % 2 == 0 ? "hold" : "resume", i == 2 ? TRICKY : i == 4 ? "=HYPERLINK(\"x\")" : "reason " + i,
                    Map.of("state", i % 2 == 0 ? "running" : "held"), Map.of("state", i % 2 == 0 ? "held" : "running"),
                    Outcome.DONE, "done", "f09", "f09-run"));
        }
        entries.add(new AuditEntry(TestHmi.START.plus(Duration.ofMinutes(10)), "bob", "operator",
                "alarm_acknowledge", "", Map.of("state", "unack_active"), Map.of("state", "ack_active"),
                Outcome.DONE, "acknowledged", "f09", "f09-run"));
        try (AuditTrail writer = AuditTrail.open(trail, Clock.fixed(TestHmi.START, ZoneOffset.UTC))) {
            writer.append(entries);
        }
        AuditIndex index = AuditIndex.of(trail);
        controller = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.routes.get("/api/v1/audit", ctx -> {
                AuditQuery query = AuditQuery.parse(ctx::queryParams);
                ctx.contentType("application/json").result(AuditJson.page(index.query(query), query).toString());
            });
        }).start("127.0.0.1", 0);
        Path token = dir.resolve("token");
        Files.writeString(token, "a-token");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        hmi = TestHmi.start(Files.createDirectories(dir.resolve("hmi")), "controllers:\n  - {name: f09, url: "
                + "'http://127.0.0.1:" + controller.port() + "', token_file: '" + token + "'}\n");
    }

    @AfterEach
    void stop() {
        if (hmi != null) {
            hmi.close();
        }
        if (controller != null) {
            controller.stop();
        }
    }

    private static JsonNode json(Browser.Response response) throws Exception {
        assertEquals(200, response.status(), response.toString());
        return JSON.readTree(response.body());
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("entries").forEach(e -> keys.add(e.path("source").asText() + ":" + e.path("seq").asLong()));
        return keys;
    }

    @Test
    void operatorsAreRefusedTheViewerItsApiAndTheExport() throws Exception {
        Browser olga = hmi.userWithRole("olga", "operator");
        assertEquals(403, olga.get("/api/v1/audit").status());
        assertEquals(403, olga.get("/api/v1/audit/export.csv").status());
        assertEquals(403, olga.get("/audit").status());
        Browser erin = hmi.userWithRole("erin", "engineer");
        Browser.Response page = erin.get("/audit");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<option value=\"f09\">furnace f09</option>"), page.body());
    }

    @Test
    void filtersMergeTheSourcesNewestFirstAndPageWithoutLosingARecord() throws Exception {
        hmi.clock.advance(Duration.ofSeconds(90));
        hmi.userWithRole("olga", "operator"); // the HMI's trail: olga's login, at START + 90 s
        hmi.clock.advance(Duration.ofMinutes(1));
        Browser erin = hmi.userWithRole("erin", "engineer");
        hmi.auditRecords();

        JsonNode logins = json(erin.get("/api/v1/audit?source=hmi&action=login"));
        assertTrue(names(logins, "users").containsAll(List.of("admin", "erin", "olga")), logins.toString());
        assertTrue(keys(logins).size() >= 2, logins.toString());
        logins.path("entries").forEach(e -> assertEquals("login", e.path("action").asText()));
        JsonNode hmiChain = logins.path("sources").get(0);
        assertEquals("hmi", hmiChain.path("source").asText());
        assertTrue(hmiChain.path("chain").path("intact").asBoolean(), hmiChain.toString());

        JsonNode all = json(erin.get("/api/v1/audit?user=olga"));
        assertEquals(7, all.path("matched").asLong(), "six on f09, a login on the HMI: " + all);
        // f09 seq 1..6 at START-2..START+3 min; the HMI's login of olga at START+90 s, between f09's seq 5 and 4
        List<String> merged = keys(all);
        assertEquals(List.of("f09:6", "f09:5"), merged.subList(0, 2));
        assertEquals("hmi", all.path("entries").get(2).path("source").asText(), merged.toString());
        assertEquals(List.of("f09:4", "f09:3", "f09:2", "f09:1"), merged.subList(3, 7));
        assertEquals(2, all.path("sources").size());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int n = 0; n < 10; n++) {
            JsonNode page = json(erin.get("/api/v1/audit?user=olga&limit=2"
                    + (cursor == null ? "" : "&before=" + cursor)));
            paged.addAll(keys(page));
            if (page.path("next_before").isNull()) {
                break;
            }
            cursor = page.path("next_before").asText();
        }
        assertEquals(merged, paged, "two at a time, the same records in the same order");

        JsonNode window = json(erin.get("/api/v1/audit?source=f09&from=" + TestHmi.START + "&to="
                + TestHmi.START.plus(Duration.ofMinutes(2))));
        assertEquals(List.of("f09:4", "f09:3"), keys(window));
        JsonNode first = window.path("entries").get(1);
        assertEquals(TRICKY, first.path("reason").asText());
        assertEquals("running", first.path("before").path("state").asText());
        assertEquals("held", first.path("after").path("state").asText());
        assertTrue(first.path("verified").asBoolean());
    }

    @Test
    void theExportIsExactlyTheSelectionQuotedAndItIsAudited() throws Exception {
        Browser erin = hmi.userWithRole("erin", "engineer");
        Browser.Response csv = erin.get("/api/v1/audit/export.csv?source=f09&user=olga&action=hold");
        assertEquals(200, csv.status(), csv.toString());
        assertEquals("text/csv; charset=utf-8", csv.header("Content-Type").orElse(""));
        assertTrue(csv.header("Content-Disposition").orElse("").matches(
                "attachment; filename=\"audit-f09-\\d{8}T\\d{6}Z\\.csv\""), csv.header("Content-Disposition")
                .toString());
        String[] lines = csv.body().split("\r\n", -1);
        assertEquals("source,seq,time,user,role,action,reason,before,after,outcome,detail,furnace,run_id,verified,hash",
                lines[0]);
        assertEquals(5, lines.length, "header, three holds (one reason spans two lines, quoted), end: "
                + csv.body());
        assertTrue(lines[1].startsWith("f09,5,2026-03-02T08:02:00Z,olga,operator,hold,\"'=HYPERLINK(\"\"x\"\")\","
                + "\"{\"\"state\"\":\"\"running\"\"}\",\"{\"\"state\"\":\"\"held\"\"}\",done,done,f09,f09-run,true,"),
                "a formula is defused, quotes doubled: " + lines[1]);
        assertTrue(lines[2].startsWith("f09,3,2026-03-02T08:00:00Z,olga,operator,hold,\"check, \"\"the\"\" window\n"
                + "again\","), "a comma, quotes and a line break, quoted: " + lines[2]);
        assertTrue(lines[3].startsWith("f09,1,2026-03-02T07:58:00Z,olga,operator,hold,reason 0,"), lines[3]);
        assertEquals("", lines[4]);

        AuditRecord export = hmi.auditRecords().stream().filter(r -> r.entry().action().equals("audit_export"))
                .findFirst().orElseThrow(() -> new AssertionError("the export is audited"));
        assertEquals("erin", export.entry().user());
        assertEquals("engineer", export.entry().role());
        assertEquals(Map.of("source", "f09", "users", List.of("olga"), "actions", List.of("hold"), "records", 3L),
                withoutNulls(export.entry().after()));
        assertEquals("exported 3 records as CSV", export.entry().detail());
    }

    @Test
    void aControllerThatDoesNotAnswerIsNamedAndTheOtherSourcesAreShownButNotExported() throws Exception {
        Browser erin = hmi.userWithRole("erin", "engineer");
        controller.stop();
        JsonNode all = json(erin.get("/api/v1/audit"));
        JsonNode f09 = all.path("sources").get(1);
        assertEquals("f09", f09.path("source").asText());
        assertTrue(f09.path("error").asText().startsWith("the controller of f09 did not answer"), f09.toString());
        assertFalse(all.path("entries").isEmpty(), "the HMI's records: " + all);
        all.path("entries").forEach(e -> assertEquals("hmi", e.path("source").asText()));
        Browser.Response export = erin.get("/api/v1/audit/export.csv");
        assertEquals(502, export.status(), export.toString());
        assertTrue(export.body().contains("nothing was exported"), export.body());
    }

    @Test
    void badParametersAreRefusedNamingThem() throws Exception {
        Browser erin = hmi.userWithRole("erin", "engineer");
        for (String[] bad : new String[][] {{"source=f01", "source"}, {"before=yesterday", "before"},
                {"limit=0", "limit"}, {"after=3", "after"}, {"from=today", "from"}}) {
            for (String path : List.of("/api/v1/audit?", "/api/v1/audit/export.csv?")) {
                Browser.Response answer = erin.get(path + bad[0]);
                assertEquals(400, answer.status(), path + bad[0]);
                JsonNode body = JSON.readTree(answer.body());
                assertTrue(body.path("reason").asText().startsWith("query parameter " + bad[1] + ":"),
                        path + bad[0] + ": " + answer.body());
            }
        }
        assertFalse(hmi.auditRecords().stream().anyMatch(r -> r.entry().action().equals("audit_export")),
                "a refused export is not an export");
    }

    private static List<String> names(JsonNode page, String field) {
        List<String> names = new ArrayList<>();
        page.path(field).forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> kept = new java.util.TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        return kept;
    }
}
