package com.sicfurnace.controller.audit;

import java.io.IOException;
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

/** Trails written through {@link AuditTrail} for tests, and the tampering an attacker (or a bad disk) would do. */
final class TrailFixture {
    static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private TrailFixture() {
    }

    /** An operator's hold, {@code minutes} after T0. */
    static AuditEntry entry(String user, long minutes) {
        return new AuditEntry(T0.plus(Duration.ofMinutes(minutes)), user, "operator", "hold", "check the view port",
                Map.of("state", "running", "step", 3), Map.of("state", "held", "step", 3), Outcome.DONE, "held",
                "f07", "f07-2026-01-05T06:00:00Z");
    }

    /** A trail of {@code count} records, one minute apart, in one file; returns its records. */
    static List<AuditRecord> write(Path dir, int count) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(i % 2 == 0 ? "anna" : "bob", i));
        }
        try (AuditTrail trail = AuditTrail.open(dir, CLOCK)) {
            return trail.append(entries);
        }
    }

    /** The single trail file of {@code dir}. */
    static Path onlyFile(Path dir) throws IOException {
        List<Path> files = AuditFiles.list(dir);
        if (files.size() != 1) {
            throw new AssertionError("one file expected: " + files);
        }
        return files.get(0);
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static void rewrite(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
