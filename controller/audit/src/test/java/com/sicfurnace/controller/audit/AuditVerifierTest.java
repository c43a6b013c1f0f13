package com.sicfurnace.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against every way a trail can be spoiled: each is caught at the first bad record, named by file, line
 * and seq, with what is wrong; an untouched trail passes.
 */
class AuditVerifierTest {
    @TempDir
    Path dir;

    private AuditVerifier.Problem firstProblem() throws IOException {
        AuditVerifier.Result result = AuditVerifier.verify(dir);
        assertFalse(result.intact(), "the spoiled trail must not verify");
        return result.problem().orElseThrow();
    }

    private static void assertProblem(AuditVerifier.Problem problem, Path file, long line, Long seq, String what) {
        assertEquals(file.getFileName(), problem.file().getFileName(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
        assertEquals(seq, problem.seq(), problem.toString());
        assertEquals(what, problem.what(), problem.toString());
    }

    @Test
    void anIntactTrailVerifiesWithItsCountAndHead() throws IOException {
        List<AuditRecord> written = TrailFixture.write(dir, 5);
        AuditVerifier.Result result = AuditVerifier.verify(dir);
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(5, result.records());
        assertEquals(1, result.files());
        assertEquals(written.get(4).head(), result.head());
        assertEquals(AuditHead.GENESIS_HASH, written.get(0).prev(), "the first record follows the genesis value");
        assertEquals(written.get(0).hash(), written.get(1).prev(), "each record carries the hash of the one before");
    }

    @Test
    void anAlteredFieldIsAHashMismatch() throws IOException {
        TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        String altered = lines.get(2).replace("\"user\":\"anna\"", "\"user\":\"mallory\"");
        assertFalse(altered.equals(lines.get(2)), "the test alters the record");
        lines.set(2, altered);
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 3, 3L, "hash mismatch: record altered");
    }

    @Test
    void aRemovedRecordLeavesAGapInSeq() throws IOException {
        TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        lines.remove(2);
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 3, 4L, "seq 4 follows 2: record 3 removed");
    }

    /** A forger who can hash: the inserted record chains to seq 2, so the genuine seq 3 after it is caught. */
    @Test
    void anInsertedRecordIsCaughtEvenWithAValidHash() throws IOException {
        List<AuditRecord> written = TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        AuditRecord forged = AuditRecord.after(written.get(1).head(), TrailFixture.entry("mallory", 1));
        lines.add(2, forged.line());
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 4, 3L, "seq 3 follows 3: record inserted or duplicated");
    }

    @Test
    void anInsertedRecordWithoutAValidHashIsAHashMismatch() throws IOException {
        TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        lines.add(2, lines.get(1).replace("\"seq\":2", "\"seq\":3"));
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 3, 3L, "hash mismatch: record altered");
    }

    @Test
    void reorderedRecordsAreCaught() throws IOException {
        TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        Collections.swap(lines, 2, 3);
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 3, 4L, "seq 4 follows 2: record 3 removed");
    }

    @Test
    void anAlteredPrevIsAHashMismatch() throws IOException {
        List<AuditRecord> written = TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        lines.set(3, lines.get(3).replace(written.get(2).hash(), written.get(1).hash()));
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 4, 4L, "hash mismatch: record altered");
    }

    /** Re-hashing an altered record only moves the evidence to the next record, whose prev no longer matches. */
    @Test
    void anAlteredAndReHashedRecordBreaksTheNextOnesPrev() throws IOException {
        List<AuditRecord> written = TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        AuditRecord original = written.get(2);
        AuditRecord rehashed = AuditRecord.after(written.get(1).head(), TrailFixture.entry("mallory", 2));
        assertEquals(original.seq(), rehashed.seq());
        lines.set(2, rehashed.line());
        TrailFixture.rewrite(file, lines);
        assertProblem(firstProblem(), file, 4, 4L,
                "prev does not match the hash of seq 3: record inserted or removed, or seq 3 altered and re-hashed");
    }

    @Test
    void aTornLastLineIsNamed() throws IOException {
        TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 40);
        }
        AuditVerifier.Problem problem = firstProblem();
        assertEquals(5, problem.line(), problem.toString());
        assertNull(problem.seq(), "a torn record has no seq that can be read");
        assertTrue(problem.what().startsWith("torn record: "), problem.what());
        assertEquals(4, AuditVerifier.verify(dir).records(), "the records before it verify");
    }

    /** Cutting whole records off the end leaves a valid chain: only a head kept elsewhere catches it. */
    @Test
    void aTrailCutBackIsCaughtByAHeadKeptElsewhere() throws IOException {
        List<AuditRecord> written = TrailFixture.write(dir, 5);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        TrailFixture.rewrite(file, lines.subList(0, 4));
        assertTrue(AuditVerifier.verify(dir).problem().isEmpty(), "the chain alone cannot tell");
        AuditVerifier.Result result = AuditVerifier.verify(dir, List.of(written.get(4).hash()));
        assertFalse(result.intact());
        assertEquals(List.of(written.get(4).hash()), result.missingHeads());
        assertTrue(AuditVerifier.verify(dir, List.of(written.get(2).hash())).intact(), "an older head is in it");
    }

    @Test
    void malformedLinesAreNamed() throws IOException {
        TrailFixture.write(dir, 3);
        Path file = TrailFixture.onlyFile(dir);
        List<String> original = TrailFixture.lines(file);
        List<String> lines = new ArrayList<>(original);
        lines.set(1, "not json");
        TrailFixture.rewrite(file, lines);
        AuditVerifier.Problem problem = firstProblem();
        assertEquals(2, problem.line());
        assertTrue(problem.what().startsWith("malformed record: not JSON"), problem.what());

        lines.set(1, original.get(1).replace("{\"seq\":2,", "{\"seq\":2,\"user\":\"mallory\","));
        TrailFixture.rewrite(file, lines);
        assertTrue(firstProblem().what().contains("Duplicate field 'user'"), "a repeated key is refused: "
                + firstProblem().what());

        lines.set(1, original.get(1).replace("\"step\":3}", "\"step\":3.0}"));
        TrailFixture.rewrite(file, lines);
        assertTrue(firstProblem().what().contains("decimal number 3.0"), firstProblem().what());
    }

    /** Records continue across files: a gap at a file's start is named in that file; a whole file removed too. */
    @Test
    void theChainIsCheckedAcrossFiles() throws IOException {
        List<AuditRecord> written;
        try (AuditTrail trail = AuditTrail.open(dir, TrailFixture.CLOCK)) {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // three on the first day, three on the next: two files
                entries.add(TrailFixture.entry("anna", i < 3 ? i : Duration.ofDays(1).toMinutes() + i));
            }
            written = trail.append(entries);
        }
        List<Path> files = AuditFiles.list(dir);
        assertEquals(List.of("audit-20260105-001.jsonl", "audit-20260106-001.jsonl"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        AuditVerifier.Result intact = AuditVerifier.verify(dir);
        assertTrue(intact.intact(), String.valueOf(intact.problem()));
        assertEquals(written.get(5).head(), intact.head());
        assertEquals(2, intact.files());

        List<String> second = TrailFixture.lines(files.get(1));
        TrailFixture.rewrite(files.get(1), second.subList(1, second.size()));
        assertProblem(firstProblem(), files.get(1), 1, 5L, "seq 5 follows 3: record 4 removed");

        Files.delete(files.get(0));
        assertProblem(firstProblem(), files.get(1), 1, 5L, "the trail starts at seq 5: records 1..4 removed");
    }

    @Test
    void aDirectoryWithoutRecordsDoesNotVerify() throws IOException {
        AuditVerifier.Problem problem = firstProblem();
        assertTrue(problem.what().startsWith("no audit records"), problem.what());
    }
}
