package com.sicfurnace.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's index: filters and pages newest first (or oldest first after a seq), takes in records appended since
 * its last look, and finds a record altered after it was verified, as the verifier would, naming it.
 */
class AuditIndexTest {
    @TempDir
    Path dir;

    private static AuditQuery query(Map<String, List<String>> params) {
        return AuditQuery.parse(name -> params.getOrDefault(name, List.of()));
    }

    private static List<Long> seqs(AuditPage page) {
        return page.rows().stream().map(AuditPage.Row::seq).toList();
    }

    @Test
    void filtersByUserActionAndTimeNewestFirstAPageAtATime() throws IOException {
        TrailFixture.write(dir, 10); // anna at minutes 0, 2, 4, 6, 8 (seq 1, 3, 5, 7, 9), bob between
        AuditIndex index = AuditIndex.of(dir);
        AuditPage anna = index.query(query(Map.of("user", List.of("anna"), "limit", List.of("2"))));
        assertEquals(List.of(9L, 7L), seqs(anna));
        assertEquals(5, anna.matched());
        assertEquals(OptionalLong.of(7), anna.next());
        AuditPage older = index.query(query(Map.of("user", List.of("anna"), "limit", List.of("2"),
                "before", List.of("7"))));
        assertEquals(List.of(5L, 3L), seqs(older));
        AuditPage last = index.query(query(Map.of("user", List.of("anna"), "limit", List.of("2"),
                "before", List.of("3"))));
        assertEquals(List.of(1L), seqs(last));
        assertTrue(last.next().isEmpty(), "no page after the last");

        AuditPage window = index.query(query(Map.of("from", List.of(TrailFixture.T0.plus(Duration.ofMinutes(3))
                .toString()), "to", List.of(TrailFixture.T0.plus(Duration.ofMinutes(6)).toString()))));
        assertEquals(List.of(6L, 5L, 4L), seqs(window), "from inclusive, to exclusive");
        assertEquals(0, index.query(query(Map.of("action", List.of("abort,start")))).matched());
        assertEquals(10, index.query(query(Map.of("action", List.of("abort,hold")))).matched());
        assertEquals(List.of("anna", "bob"), anna.users());
        assertEquals(List.of("hold"), anna.actions());

        AuditPage following = index.query(query(Map.of("after", List.of("8"))));
        assertEquals(List.of(9L, 10L), seqs(following), "oldest first after a seq");
        assertTrue(following.rows().get(0).line().startsWith("{\"seq\":9,"), following.rows().get(0).line());
        assertTrue(following.rows().stream().allMatch(AuditPage.Row::verified));
        assertTrue(following.chain().intact());
        assertEquals(10, following.chain().verified());
    }

    @Test
    void takesInWhatIsAppendedAndNamesARecordAlteredAfterItWasVerified() throws IOException {
        TrailFixture.write(dir, 4);
        AuditIndex index = AuditIndex.of(dir);
        assertEquals(4, index.chain().verified());
        try (AuditTrail trail = AuditTrail.open(dir, TrailFixture.CLOCK)) {
            trail.append(List.of(TrailFixture.entry("carl", 30)));
        }
        AuditPage page = index.query(query(Map.of("user", List.of("carl"))));
        assertEquals(List.of(5L), seqs(page), "a record of a new file, taken in");
        assertTrue(page.chain().intact());
        assertEquals(new AuditHead(5, page.chain().head().hash()), page.chain().head());

        Path first = AuditFiles.list(dir).get(0);
        List<String> lines = TrailFixture.lines(first);
        lines.set(1, lines.get(1).replace("\"reason\":\"check the view port\"", "\"reason\":\"check the view pott\""));
        TrailFixture.rewrite(first, lines);
        AuditPage.Chain broken = index.chain();
        assertFalse(broken.intact(), "the altered record breaks the chain");
        AuditVerifier.Problem problem = broken.problem().orElseThrow();
        assertEquals(2L, problem.seq());
        assertEquals("hash mismatch: record altered", problem.what());
        assertEquals(1, broken.verified(), "verified up to the record before it");
        assertEquals(AuditVerifier.verify(dir).problem().orElseThrow().toString(), problem.toString(),
                "the same words as the verifier");
        AuditPage all = index.query(AuditQuery.newest(10));
        assertEquals(List.of(false, false, false, false, true), all.rows().stream().map(AuditPage.Row::verified)
                .toList(), "records from the break on are shown, not verified");
    }

    @Test
    void anEditOfTheFileBeingWrittenIsFoundByItsPrefix() throws IOException {
        List<AuditRecord> written = TrailFixture.write(dir, 3);
        AuditIndex index = AuditIndex.of(dir);
        assertTrue(index.chain().intact());
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        lines.set(0, lines.get(0).replace("\"user\":\"anna\"", "\"user\":\"anne\""));
        lines.add(AuditRecord.after(written.get(2).head(), TrailFixture.entry("anna", 9)).line());
        TrailFixture.rewrite(file, lines);
        AuditPage.Chain chain = index.chain();
        assertEquals(Optional.of(1L), chain.problem().map(AuditVerifier.Problem::seq), chain.toString());
        assertEquals(4, chain.records());
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("query parameter limit: 1..1000, not 5000", assertThrows(IllegalArgumentException.class,
                () -> query(Map.of("limit", List.of("5000")))).getMessage());
        assertEquals("query parameter from: 'yesterday' is no ISO-8601 time such as 2026-12-06T09:00:00Z",
                assertThrows(IllegalArgumentException.class, () -> query(Map.of("from", List.of("yesterday"))))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> query(Map.of("before", List.of("x"))))
                .getMessage().startsWith("query parameter before: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> query(Map.of("before", List.of("3"),
                "after", List.of("1")))).getMessage().startsWith("query parameter after: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> query(Map.of("from",
                List.of("2026-01-02T00:00:00Z"), "to", List.of("2026-01-01T00:00:00Z")))).getMessage()
                .startsWith("query parameter to: "));
        assertEquals(Set.of("anna", "bob"), query(Map.of("user", List.of("anna, bob", ""))).users());
    }

    @Test
    void aMissingDirectoryIsAnEmptyTrail() throws IOException {
        AuditPage page = AuditIndex.of(dir.resolve("none")).query(AuditQuery.newest(5));
        assertEquals(0, page.matched());
        assertEquals(AuditHead.EMPTY, page.chain().head());
    }
}
