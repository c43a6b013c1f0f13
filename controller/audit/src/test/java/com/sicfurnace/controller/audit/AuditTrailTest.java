package com.sicfurnace.controller.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a trail: continued across openings, crash-torn tails kept and recorded, owner-only, one writer. */
class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void aReopenedTrailContinuesSeqAndPrevInANewFile() throws Exception {
        List<AuditRecord> first = TrailFixture.write(dir, 2);
        try (AuditTrail trail = AuditTrail.open(dir, TrailFixture.CLOCK)) {
            assertEquals(Optional.of(first.get(1)), trail.lastAtOpen(), "the tail read back as it was written");
            assertEquals(first.get(1).head(), trail.head());
            AuditRecord third = trail.append(List.of(TrailFixture.entry("carl", 5))).get(0);
            assertEquals(3, third.seq());
            assertEquals(first.get(1).hash(), third.prev());
        }
        assertEquals(2, AuditFiles.list(dir).size(), "each opening starts a file");
        AuditVerifier.Result result = AuditVerifier.verify(dir);
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(3, result.records());
    }

    /** A crash mid-write leaves a line without its newline: kept aside byte for byte, recorded, the chain goes on. */
    @Test
    void aTornTailIsKeptInASidecarAndRecorded() throws Exception {
        List<AuditRecord> written = TrailFixture.write(dir, 3);
        Path file = TrailFixture.onlyFile(dir);
        byte[] torn = "{\"seq\":4,\"time\":\"2026-01-05T06:0".getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn, StandardOpenOption.APPEND);
        AuditVerifier.Problem before = AuditVerifier.verify(dir).problem().orElseThrow();
        assertTrue(before.what().startsWith("torn record"), before.toString());

        AuditHead head;
        try (AuditTrail trail = AuditTrail.open(dir, TrailFixture.CLOCK)) {
            head = trail.head();
        }
        Path sidecar = file.resolveSibling(file.getFileName() + ".torn");
        assertArrayEquals(torn, Files.readAllBytes(sidecar), "the torn bytes are kept as they were");
        assertEquals(3, TrailFixture.lines(file).size(), "the file is cut back to its last whole record");
        assertEquals(4, head.seq(), "the trail records what it found");
        AuditRecord record = AuditRecord.parse(TrailFixture.lines(AuditFiles.list(dir).get(1)).get(0));
        assertEquals(AuditTrail.TORN_TAIL_ACTION, record.entry().action());
        assertEquals(written.get(2).hash(), record.prev());
        assertEquals(sidecar.getFileName().toString(), record.entry().after().get("kept_in"));
        assertEquals(4L, record.entry().after().get("line"));
        assertEquals((long) torn.length, record.entry().after().get("bytes"));
        AuditVerifier.Result result = AuditVerifier.verify(dir);
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(1, result.notes().size(), "the sidecar is noted: " + result.notes());
    }

    @Test
    void theTrailIsItsOwnersOnly() throws Exception {
        Path trailDir = dir.resolve("var").resolve("audit");
        TrailFixture.write(trailDir, 1);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(trailDir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                TrailFixture.onlyFile(trailDir))));
    }

    @Test
    void aSecondWriterIsKeptOut() throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, TrailFixture.CLOCK)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> AuditTrail.open(dir, TrailFixture.CLOCK));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertEquals(AuditHead.EMPTY, trail.head());
        }
        try (AuditTrail again = AuditTrail.open(dir, TrailFixture.CLOCK)) {
            assertEquals(AuditHead.EMPTY, again.head(), "closing lets the next writer in");
        }
    }

    /** Appending after a record that does not verify would bury the evidence: the trail refuses to open. */
    @Test
    void aDamagedTailIsNotAppendedTo() throws Exception {
        TrailFixture.write(dir, 3);
        Path file = TrailFixture.onlyFile(dir);
        List<String> lines = TrailFixture.lines(file);
        lines.set(2, lines.get(2).replace("\"user\":\"anna\"", "\"user\":\"mallory\""));
        TrailFixture.rewrite(file, lines);
        byte[] spoiled = Files.readAllBytes(file);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AuditTrail.open(dir, TrailFixture.CLOCK));
        assertTrue(e.getMessage().contains(file.getFileName() + " line 3: hash mismatch: record altered"),
                e.getMessage());
        assertTrue(e.getMessage().contains("controller audit verify"), e.getMessage());
        assertArrayEquals(spoiled, Files.readAllBytes(file), "the evidence is left as it is");
        assertEquals(1, AuditFiles.list(dir).size(), "nothing new written");
    }

    @Test
    void filesRotateBySizeAndNeverSortBeforeAnExistingOne() throws Exception {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(TrailFixture.entry("anna", i));
        }
        try (AuditTrail trail = AuditTrail.open(dir, TrailFixture.CLOCK, 1)) {
            trail.append(entries);
            // a clock set back a day: the file still sorts after the others, so the chain's order holds
            trail.append(List.of(TrailFixture.entry("bob", -Duration.ofDays(1).toMinutes())));
        }
        List<String> names = AuditFiles.list(dir).stream().map(f -> f.getFileName().toString()).toList();
        assertEquals(List.of("audit-20260105-001.jsonl", "audit-20260105-002.jsonl", "audit-20260105-003.jsonl",
                "audit-20260105-004.jsonl", "audit-20260105-005.jsonl", "audit-20260105-006.jsonl"), names);
        AuditVerifier.Result result = AuditVerifier.verify(dir);
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(6, result.records());
    }

    /** The writer thread: submit returns at once; flush waits for the disk; listeners see each new head. */
    @Test
    void theAuditLogWritesOffTheCallersThreadAndTellsTheHead() throws Exception {
        List<AuditRecord> heads = new CopyOnWriteArrayList<>();
        AuditLog log = AuditLog.start(AuditTrail.open(dir, TrailFixture.CLOCK));
        try {
            log.onHead(heads::add);
            log.submit(TrailFixture.entry("anna", 0));
            log.submit(TrailFixture.entry("bob", 1));
            assertTrue(log.flush(Duration.ofSeconds(10)), "written within 10 s");
            assertEquals(2, log.head().seq());
            assertFalse(heads.isEmpty(), "the head was told");
            assertEquals(log.head(), heads.get(heads.size() - 1).head());
            log.submit(TrailFixture.entry("carl", 2));
        } finally {
            log.close();
        }
        assertEquals(3, AuditVerifier.verify(dir).records(), "closing writes what was submitted");
        assertThrows(IllegalStateException.class, () -> log.submit(TrailFixture.entry("dave", 3)));
    }
}
