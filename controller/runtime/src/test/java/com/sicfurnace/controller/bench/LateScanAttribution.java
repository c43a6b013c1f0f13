package com.sicfurnace.controller.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which late scans of a ScanJitterBenchmark run coincide with a stop-the-world pause of the controller's JVM:
 * matches the scans ScanRunner logged as more than 2 ms late against the safepoints (GC pauses among them) in the
 * run's {@code -Xlog:gc*,safepoint} log, by wall time. A late scan that no pause overlaps was held up outside the
 * JVM: by the kernel's scheduling of the other threads and processes on the cores, or by the host.
 * Usage: LateScanAttribution LATE_SCANS_LOG GC_LOG
 */
public final class LateScanAttribution {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern LATE = Pattern.compile("^(\\S+) DEBUG ScanRunner scan \\d+ started (\\d+) µs late");
    private static final Pattern SAFEPOINT = Pattern.compile("^\\[(\\S+)]\\[[^]]*] Safepoint \".*Total: "
            + "(\\d+) ns");
    /** Both logs stamp whole milliseconds. */
    private static final long TOLERANCE_MICROS = 1_000;

    private record Interval(Instant start, Instant end) {
        long micros() {
            return Duration.between(start, end).toNanos() / 1000;
        }

        boolean overlaps(Interval other) {
            return !start.minusNanos(TOLERANCE_MICROS * 1000).isAfter(other.end)
                    && !other.start.isAfter(end.plusNanos(TOLERANCE_MICROS * 1000));
        }
    }

    private LateScanAttribution() {
    }

    public static void main(String[] args) throws IOException {
        List<Interval> late = intervals(Path.of(args[0]), LATE, 1000);
        List<Interval> pauses = intervals(Path.of(args[1]), SAFEPOINT, 1);
        long duringPause = 0;
        long maxDuringPause = 0;
        long maxOutside = 0;
        for (Interval scan : late) {
            boolean paused = pauses.stream().anyMatch(p -> p.overlaps(scan));
            if (paused) {
                duringPause++;
                maxDuringPause = Math.max(maxDuringPause, scan.micros());
            } else {
                maxOutside = Math.max(maxOutside, scan.micros());
            }
        }
        System.out.printf(Locale.ROOT, "  late scans (> 2 ms): %d; during a JVM pause: %d (max %.1f ms); outside any "
                        + "JVM pause: %d (max %.1f ms); JVM pauses in the run: %d%n", late.size(), duringPause,
                maxDuringPause / 1e3, late.size() - duringPause, maxOutside / 1e3, pauses.size());
    }

    /** Every line that matches: group 1 is when the interval ended, group 2 how long it lasted, in units. */
    private static List<Interval> intervals(Path log, Pattern pattern, long nanosPerUnit) throws IOException {
        List<Interval> intervals = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                Instant end = OffsetDateTime.parse(m.group(1), TIME).toInstant();
                intervals.add(new Interval(end.minusNanos(Long.parseLong(m.group(2)) * nanosPerUnit), end));
            }
        }
        return intervals;
    }
}
