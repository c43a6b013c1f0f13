package com.sicfurnace.controller.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditHead;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditVerifier;
import com.sicfurnace.controller.audit.TrailRecords;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual run given an audit trail: its start, recipe, start command and stop, stamped with furnace time, the head
 * in its summary and in its telemetry; a second run continues the chain. Without --audit-dir a run keeps none.
 */
class AuditVirtualRunTest {
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");

    @TempDir
    Path dir;

    private RunSummary run(String name, String... extra) throws IOException {
        StringWriter console = new StringWriter();
        String[] args = Stream.concat(Stream.of("virtual-run", SMOKE.toString(), dir.resolve(name).toString(),
                "--max-hours", "0.5"), Stream.of(extra)).toArray(String[]::new);
        int exit = VirtualMain.commandLine().setOut(new PrintWriter(console)).setErr(new PrintWriter(console))
                .execute(args);
        assertEquals(1, exit, "half an hour of the smoke recipe does not complete it: " + console);
        return ReportFiles.readSummary(dir.resolve(name));
    }

    /** The audit lines of the run's local telemetry files. */
    private List<String> auditPoints() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("telemetry").resolve("files"))) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(line -> line.startsWith("audit,")).toList();
        }
    }

    @Test
    void aVirtualRunWithATrailRecordsItsActionsAndReportsItsHead() throws IOException {
        Path trail = dir.resolve("audit");
        RunSummary first = run("first", "--audit-dir", trail.toString(), "--telemetry-dir",
                dir.resolve("telemetry").toString());
        AuditVerifier.Result verdict = AuditVerifier.verify(trail);
        assertTrue(verdict.intact(), String.valueOf(verdict.problem()));
        assertEquals(verdict.head(), first.audit(), "summary.json carries the trail's head");
        List<AuditRecord> records = TrailRecords.read(trail);
        assertEquals(List.of("controller_start", "recipe_load", "start", "controller_stop"),
                TrailRecords.actions(records));
        assertEquals(VirtualRun.Options.defaults().start(), records.get(2).entry().time(),
                "the start command at the first scan's furnace time");
        assertEquals("", records.get(0).entry().detail(), "a fresh trail: no earlier controller to account for");
        String head = first.audit().hash();
        assertTrue(auditPoints().stream().anyMatch(line -> line.contains("head_hash=\"" + head + "\"")
                        && line.contains("head_seq=4i")), "telemetry carries the final head: " + auditPoints());

        RunSummary second = run("second", "--audit-dir", trail.toString());
        AuditHead secondHead = AuditVerifier.verify(trail).head();
        assertEquals(8, secondHead.seq(), "the chain goes on across runs");
        assertEquals(secondHead, second.audit());
        assertEquals(head, TrailRecords.read(trail).get(4).prev());
    }

    @Test
    void withoutAnAuditDirAVirtualRunKeepsNoTrail() throws IOException {
        assertEquals(null, run("plain").audit());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("plain")), left.toList(), "nothing but the report");
        }
    }
}
