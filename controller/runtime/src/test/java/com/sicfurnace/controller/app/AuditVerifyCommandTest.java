package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.audit.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code controller audit verify DIR}: 0 intact, 1 the first bad record named, 2 bad usage. */
class AuditVerifyCommandTest {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

    @TempDir
    Path dir;
    private List<AuditRecord> written;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void threeRecords() throws Exception {
        List<AuditEntry> entries = new ArrayList<>();
        for (String action : List.of("controller_start", "start", "hold")) {
            entries.add(new AuditEntry(T0.plusSeconds(entries.size()), "cli:anna", "", action, "", null,
                    Map.of("state", "running"), Outcome.DONE, "", "f07", "f07-run"));
        }
        try (AuditTrail trail = AuditTrail.open(dir, Clock.fixed(T0, ZoneOffset.UTC))) {
            written = trail.append(entries);
        }
    }

    private int controller(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void anIntactTrailExitsZeroWithItsCountAndHead() {
        assertEquals(0, controller("audit", "verify", dir.toString()), err.toString());
        assertEquals("intact: 3 records in 1 files; head seq 3 " + written.get(2).hash(), out.toString().strip());
    }

    @Test
    void anAlteredRecordExitsOneNamingIt() throws Exception {
        Path file = AuditFiles.list(dir).get(0);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("\"action\":\"start\"", "\"action\":\"abort\""), StandardCharsets.UTF_8);
        assertEquals(1, controller("audit", "verify", dir.toString()));
        String[] lines = out.toString().split("\\R");
        assertEquals("NOT INTACT: " + file.getFileName() + " line 2 (seq 2): hash mismatch: record altered", lines[0]);
        assertEquals("the 1 records before it verify; their head: seq 1 " + written.get(0).hash(), lines[1]);
    }

    @Test
    void aHeadKeptElsewhereMustBeInTheTrail() {
        assertEquals(0, controller("audit", "verify", dir.toString(), "--expect-head", written.get(1).hash()),
                out.toString());
        String foreign = "ab".repeat(32);
        assertEquals(1, controller("audit", "verify", dir.toString(), "--expect-head", foreign));
        assertTrue(out.toString().contains("NOT INTACT: head " + foreign + " kept elsewhere is no record of this "
                + "trail"), out.toString());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, controller("audit", "verify", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("audit trail " + dir.resolve("missing") + ": no such directory"),
                err.toString());
        assertEquals(2, controller("audit", "verify"), "no directory given");
        assertEquals(2, controller("audit"), "no subcommand");
    }
}
