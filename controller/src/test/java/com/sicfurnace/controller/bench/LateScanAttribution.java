package com.sicfurnace.controller.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        boolean overlaps(Interval other) {
            return !start.minusNanos(TOLERANCE_MICROS * 1000).isAfter(other.end)
                    && !other.start.isAfter(end.plusNanos(TOLERANCE_MICROS * 1000));
        }
    }

    private record LateScan(long lateMicros, Interval waited) {
    }

    private LateScanAttribution() {
    }

    public static void main(String[] args) throws IOException {
        List<LateScan> late = lateScans(Path.of(args[0]));
        List<Interval> pauses = pauses(Path.of(args[1]));
        long duringPause = 0;
        long maxDuringPause = 0;
        long maxOutside = 0;
        for (LateScan scan : late) {
            boolean paused = pauses.stream().anyMatch(p -> p.overlaps(scan.waited()));
            if (paused) {
                duringPause++;
                maxDuringPause = Math.max(maxDuringPause, scan.lateMicros());
            } else {
                maxOutside = Math.max(maxOutside, scan.lateMicros());
            }
        }
        System.out.printf(Locale.ROOT, "  late scans (> 2 ms): %d; during a JVM pause: %d (max %.1f ms); outside any "
                        + "JVM pause: %d (max %.1f ms); JVM pauses in the run: %d%n", late.size(), duringPause,
                maxDuringPause / 1e3, late.size() - duringPause, maxOutside / 1e3, pauses.size());
    }

    private static List<LateScan> lateScans(Path log) throws IOException {
        List<LateScan> scans = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LATE.matcher(line);
            if (m.find()) {
                Instant started = OffsetDateTime.parse(m.group(1), TIME).toInstant();
                long lateMicros = Long.parseLong(m.group(2));
                scans.add(new LateScan(lateMicros, new Interval(started.minusNanos(lateMicros * 1000), started)));
            }
        }
        return scans;
    }

    private static List<Interval> pauses(Path gcLog) throws IOException {
        List<Interval> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = SAFEPOINT.matcher(line);
            if (m.find()) {
                Instant end = OffsetDateTime.parse(m.group(1), TIME).toInstant();
                pauses.add(new Interval(end.minusNanos(Long.parseLong(m.group(2))), end));
            }
        }
        return pauses;
    }
}
