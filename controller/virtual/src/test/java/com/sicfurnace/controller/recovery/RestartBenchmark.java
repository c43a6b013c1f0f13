package com.sicfurnace.controller.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Time from a controller restart to resumed control, with its parts: a run of the crash-recovery recipe at real
 * speed against the simulator's jar, the production controller's jar killed with SIGKILL and started again, N times.
 * The parts come from the restarted controller's log, whose lines carry their wall time:
 * <ol>
 *     <li>JVM start: from starting the process to its first log line;</li>
 *     <li>journal read: the run journal read and checked (the controller logs its own figure);</li>
 *     <li>set-up: from the first log line to the run's being taken up (configuration, audit trail, Modbus master,
 *     journal read included);</li>
 *     <li>connect: from there until the OPC UA session has its subscription;</li>
 *     <li>first scan: from there to the first scan with every input, which takes the run up ({@code recovered}).</li>
 * </ol>
 * Run from {@code controller/virtual} after {@code ./mvnw package}: see docs/benchmarks.md.
 */
public final class RestartBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RestartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("restart-benchmark");
        List<double[]> rows = new ArrayList<>();
        try (CrashRig rig = new CrashRig(dir, 1.0, 3600, 60)) {
            rig.startController();
            awaitLine(rig, "run event=step_started", Instant.now());
            for (int i = 0; i < restarts; i++) {
                Thread.sleep(1500); // a journal written after the last restart's first scans
                rig.controller().killHard();
                Instant started = Instant.now();
                rig.startController();
                List<String> log = awaitLine(rig, "run event=recovered", started);
                double[] row = parts(log, started);
                rows.add(row);
                System.out.printf(Locale.ROOT, "restart %2d: total %5.0f ms = JVM %4.0f + set-up %4.0f (journal %3.0f)"
                        + " + connect %4.0f + first scan %4.0f%n", i + 1, row[0], row[1], row[2], row[3], row[4],
                        row[5]);
            }
        }
        String[] names = {"total", "JVM start", "set-up", "journal read", "connect", "first scan"};
        System.out.println("\nmedians over " + rows.size() + " restarts (ms), and the slowest:");
        for (int part = 0; part < names.length; part++) {
            int p = part;
            double[] values = rows.stream().mapToDouble(r -> r[p]).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-12s median %5.0f  max %5.0f%n", names[part], median(values),
                    values[values.length - 1]);
        }
    }

    /** The restarted controller's log, once it has the line; fails with the log after the timeout. */
    private static List<String> awaitLine(CrashRig rig, String marker, Instant since) throws Exception {
        while (Duration.between(since, Instant.now()).compareTo(TIMEOUT) < 0) {
            List<String> log = rig.controller().outputLines();
            if (log.stream().anyMatch(l -> l.contains(marker))) {
                return log;
            }
            if (!rig.controller().isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no '" + marker + "' within " + TIMEOUT.toSeconds() + " s\n" + rig.logs());
    }

    /** total, JVM start, set-up, journal read, connect, first scan; ms. */
    private static double[] parts(List<String> log, Instant started) {
        Instant first = time(log.get(0));
        Instant takenUp = time(line(log, "taken up again from"));
        Instant subscribed = time(line(log, "subscription on"));
        Instant recovered = time(line(log, "run event=recovered"));
        String journal = line(log, "read and checked in");
        double journalMs = Double.parseDouble(journal.substring(journal.lastIndexOf(" in ") + 4,
                journal.lastIndexOf(" ms")));
        return new double[] {ms(started, recovered), ms(started, first), ms(first, takenUp), journalMs,
                ms(takenUp, subscribed), ms(subscribed, recovered)};
    }

    private static String line(List<String> log, String marker) {
        Optional<String> line = log.stream().filter(l -> l.contains(marker)).findFirst();
        return line.orElseThrow(() -> new IllegalStateException("no '" + marker + "' in the log:\n"
                + String.join("\n", log)));
    }

    private static Instant time(String line) {
        return OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
