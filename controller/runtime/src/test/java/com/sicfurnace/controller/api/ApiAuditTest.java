package com.sicfurnace.controller.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.audit.Outcome;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/audit} over a trail of the controller's: filtered by user, action and time, paged newest first
 * with a cursor, followed oldest first; the chain's state with each answer, a record altered after it was served
 * named as the first that breaks it; bad parameters refused naming them.
 */
class ApiAuditTest {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

    @TempDir
    Path dir;

    /** 30 records one minute apart: olga holds, acknowledges and resumes in turn; every third is bob's. */
    private static List<AuditRecord> write(Path audit, int count, int fromMinute) throws Exception {
        List<AuditEntry> entries = new ArrayList<>();
        List<String> actions = List.of("hold", "alarm_acknowledge", "resume");
        for (int i = fromMinute; i < fromMinute + count; i++) {
            entries.add(new AuditEntry(T0.plus(Duration.ofMinutes(i)), i % 3 == 2 ? "bob" : "olga", "operator",
                    actions.get(i % 3), "reason " + i, Map.of("state", "running"), Map.of("state", "held"),
                    Outcome.DONE, "done " + i, "f07", "f07-run"));
        }
        try (AuditTrail trail = AuditTrail.open(audit, Clock.fixed(T0, ZoneOffset.UTC))) {
            return trail.append(entries);
        }
    }

    private static List<Long> seqs(JsonNode answer) {
        List<Long> seqs = new ArrayList<>();
        answer.path("entries").forEach(e -> seqs.add(e.path("seq").asLong()));
        return seqs;
    }

    @Test
    void filtersPagesNewestFirstAndFollowsOldestFirst() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            List<AuditRecord> written = write(dir.resolve("audit"), 30, 0);
            JsonNode page = ApiRig.json(rig.get("/api/v1/audit?user=olga&action=hold,alarm_acknowledge&limit=4"));
            // olga: i % 3 != 2; hold i % 3 == 0, acknowledge i % 3 == 1: i = 0, 1, 3, 4, ... 27, 28: 20 records
            assertEquals(20, page.path("matched").asLong(), page.toString());
            assertEquals(List.of(29L, 28L, 26L, 25L), seqs(page), "newest first (seq = i + 1)");
            assertEquals(25, page.path("next_before").asLong());
            JsonNode first = page.path("entries").get(0);
            assertEquals("alarm_acknowledge", first.path("action").asText());
            assertEquals("reason 28", first.path("reason").asText());
            assertEquals("running", first.path("before").path("state").asText());
            assertEquals("held", first.path("after").path("state").asText());
            assertEquals("done", first.path("outcome").asText());
            assertEquals(written.get(28).hash(), first.path("hash").asText(), "the record as written");
            assertTrue(first.path("verified").asBoolean());

            JsonNode next = ApiRig.json(rig.get("/api/v1/audit?user=olga&action=hold&action=alarm_acknowledge"
                    + "&limit=4&before=25"));
            assertEquals(List.of(23L, 22L, 20L, 19L), seqs(next), "the next page, by the cursor");

            JsonNode window = ApiRig.json(rig.get("/api/v1/audit?from=" + T0.plus(Duration.ofMinutes(10))
                    + "&to=" + T0.plus(Duration.ofMinutes(13))));
            assertEquals(List.of(13L, 12L, 11L), seqs(window), "from inclusive, to exclusive");
            assertTrue(window.path("next_before").isNull(), "the last page");
            assertEquals(List.of("bob", "olga"), List.of(window.path("users").get(0).asText(),
                    window.path("users").get(1).asText()));

            JsonNode following = ApiRig.json(rig.get("/api/v1/audit?after=27"));
            assertEquals(List.of(28L, 29L, 30L), seqs(following), "oldest first after a seq, as before paging");
            JsonNode chain = following.path("chain");
            assertTrue(following.path("intact").asBoolean());
            assertEquals(30, following.path("records").asLong());
            assertEquals(30, chain.path("verified").asLong());
            assertEquals(written.get(29).hash(), chain.path("head_hash").asText());
            assertTrue(chain.path("problem").isNull());
        }
    }

    @Test
    void aRecordAlteredAfterItWasServedIsNamedAndWhatFollowsIsNotVerified() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            Path audit = dir.resolve("audit");
            write(audit, 10, 0);
            assertTrue(ApiRig.json(rig.get("/api/v1/audit")).path("intact").asBoolean());
            write(audit, 5, 10); // a restart of the writer: a second file, taken in
            JsonNode grown = ApiRig.json(rig.get("/api/v1/audit?limit=1"));
            assertEquals(15, grown.path("chain").path("verified").asLong(), grown.toString());

            Path first = AuditFiles.list(audit).get(0);
            List<String> lines = new ArrayList<>(Files.readAllLines(first, StandardCharsets.UTF_8));
            lines.set(6, lines.get(6).replace("\"user\":\"olga\"", "\"user\":\"olgb\""));
            Files.writeString(first, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

            JsonNode broken = ApiRig.json(rig.get("/api/v1/audit?limit=20"));
            assertFalse(broken.path("intact").asBoolean(), broken.toString());
            JsonNode problem = broken.path("chain").path("problem");
            assertEquals(7, problem.path("seq").asLong());
            assertEquals(7, problem.path("line").asLong());
            assertEquals(first.getFileName().toString(), problem.path("file").asText());
            assertEquals("hash mismatch: record altered", problem.path("what").asText());
            assertEquals(first.getFileName() + " line 7 (seq 7): hash mismatch: record altered",
                    broken.path("problem").asText());
            assertEquals(6, broken.path("chain").path("verified").asLong(), "verified up to seq 6");
            JsonNode entries = broken.path("entries");
            assertEquals(15, entries.size(), "every record is still listed");
            assertFalse(entries.get(8).path("verified").asBoolean(), "seq 7 is not verified");
            assertEquals("olgb", entries.get(8).path("user").asText());
            assertTrue(entries.get(9).path("verified").asBoolean(), "seq 6 is");
        }
    }

    @Test
    void badParametersAreRefusedNamingThem() throws Exception {
        try (ApiRig rig = new ApiRig(dir)) {
            for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"max=x", "max"},
                    {"from=yesterday", "from"}, {"to=2026-01-01", "to"}, {"before=-1", "before"},
                    {"before=3&after=1", "after"},
                    {"from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to"}}) {
                HttpResponse<String> answer = rig.get("/api/v1/audit?" + bad[0]);
                assertEquals(400, answer.statusCode(), bad[0]);
                assertTrue(ApiRig.json(answer).path("error").asText().startsWith("query parameter " + bad[1] + ":"),
                        bad[0] + ": " + answer.body());
            }
        }
    }
}
