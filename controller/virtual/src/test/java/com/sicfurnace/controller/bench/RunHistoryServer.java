package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.api.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The controller's API with a whole 6-inch run in its history, for the HMI's trend benchmark: the reference recipe
 * runs to its end in virtual time with the API on its scan feed (as in {@link HistoryQueryBenchmark}), then the
 * furnace goes on scanning at real speed, a scan every 100 ms of wall time after the run's end, so that the API's
 * live stream stays live as a controller's does. Prints {@code serving <api url> token <file> run <start> <end>} once
 * the run is in the history, and serves until it is killed.
 * Usage: RunHistoryServer DIR; run from {@code controller/virtual}.
 */
public final class RunHistoryServer {
    private RunHistoryServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        GrowingFurnace rig = new GrowingFurnace();
        try (ApiServer api = rig.startApi(dir)) {
            long wall = System.nanoTime();
            rig.iterate();
            Instant start = rig.feed.latest().orElseThrow().time();
            while (!rig.finished()) {
                rig.iterate();
            }
            Instant end = rig.feed.latest().orElseThrow().time();
            System.out.printf(Locale.ROOT, "run of %.1f furnace hours in %.1f s%n",
                    Duration.between(start, end).toSeconds() / 3600.0, (System.nanoTime() - wall) / 1e9);
            Thread.sleep(2000); // the history's thread takes in the last seconds
            System.out.println("serving http://127.0.0.1:" + api.port() + " token " + dir.resolve("api")
                    .resolve("token").toAbsolutePath() + " run " + start + " " + end);
            long periodNanos = Math.round(rig.periodS * 1e9);
            long next = System.nanoTime();
            while (true) {
                rig.iterate();
                next += periodNanos;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }
}
