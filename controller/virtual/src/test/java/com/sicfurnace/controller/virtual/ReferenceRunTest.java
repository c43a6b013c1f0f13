package com.sicfurnace.controller.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller's behaviour, pinned: the smoke recipe in virtual time with seed 1 must give the reference run's
 * trend.csv byte for byte and its summary.json but for the wall time, whatever the JVM's default locale. A change of
 * shape leaves them alone; a change of behaviour must say so and replace the reference on purpose:
 * {@code scripts/virtual-run docs/recipes/smoke.yaml controller/virtual/src/test/resources/reference-runs/smoke}.
 */
class ReferenceRunTest {
    private static final Path REFERENCE = Path.of("src", "test", "resources", "reference-runs", "smoke");
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
    private final Locale original = Locale.getDefault();

    @TempDir
    Path out;

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(original);
    }

    @Test
    void theSmokeRunIsTheReferenceRun() throws IOException {
        assertSameAsReference(run());
    }

    /** Turkish lower-cases I to a dotless ı and writes 0,5 for 0.5: neither may reach a journal or a report. */
    @Test
    void theSmokeRunUnderATurkishLocaleIsTheReferenceRunToo() throws IOException {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        assertSameAsReference(run());
    }

    private Path run() {
        StringWriter console = new StringWriter();
        int exit = VirtualMain.commandLine().setOut(new PrintWriter(console)).setErr(new PrintWriter(console))
                .execute("virtual-run", SMOKE.toString(), out.toString(), "--seed", "1");
        assertEquals(0, exit, console.toString());
        return out;
    }

    private static void assertSameAsReference(Path run) throws IOException {
        assertEquals(Files.readString(REFERENCE.resolve("trend.csv")), Files.readString(run.resolve("trend.csv")),
                "trend.csv differs from the reference run");
        assertEquals(withoutWallTime(REFERENCE.resolve("summary.json")), withoutWallTime(run.resolve("summary.json")),
                "summary.json differs from the reference run");
    }

    private static List<String> withoutWallTime(Path summary) throws IOException {
        return Files.readAllLines(summary).stream().filter(line -> !line.contains("\"wall_seconds\"")).toList();
    }
}
