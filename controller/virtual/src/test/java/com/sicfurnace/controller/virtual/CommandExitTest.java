package com.sicfurnace.controller.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.ChildJvm;
import com.sicfurnace.controller.app.Main;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines as a user meets them, each in its own JVM: a command exits as soon as it is done (the JVM's
 * start-up time, not ten seconds more), also after refusing an invalid recipe; Ctrl-C (SIGTERM) stops a run and
 * still writes its report.
 */
class CommandExitTest {
    /** Far less than the ten seconds the shutdown hook used to wait for a thread that was waiting for it. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");

    @TempDir
    Path dir;

    /** How long a JVM with this class path takes to start, print a line and exit, on this machine, now. */
    private long startupMillis() throws Exception {
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(StartAndExit.class, dir.resolve("startup.log"))) {
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long timedExit(Class<?> main, int expectedExit, String... args) throws Exception {
        Path log = dir.resolve(main.getSimpleName() + "-" + args[0] + ".log");
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(main, log, args)) {
            assertEquals(expectedExit, child.awaitExit(Duration.ofSeconds(60)), String.join("\n",
                    child.outputLines()));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void everyCommandExitsWithinTheJvmsStartUpTime() throws Exception {
        long startup = startupMillis();
        Path binary = dir.resolve("binary.yaml");
        byte[] bytes = new byte[4096];
        new Random(5).nextBytes(bytes);
        Files.write(binary, bytes);
        long[] took = {
            timedExit(Main.class, 0, "--version"),
            timedExit(VirtualMain.class, 0, "--version"),
            timedExit(VirtualMain.class, 2, "virtual-run", binary.toString(), dir.resolve("out").toString()),
            timedExit(VirtualMain.class, 2, "virtual-run", dir.resolve("missing.yaml").toString(),
                    dir.resolve("out").toString())};
        for (long millis : took) {
            assertTrue(millis < startup + SLACK.toMillis(), "took " + millis + " ms; the JVM starts in " + startup
                    + " ms");
        }
    }

    @Test
    void ctrlCStopsASimulatedRunAndItsReportIsStillWritten() throws Exception {
        Path report = dir.resolve("report");
        Path log = dir.resolve("simulate.log");
        try (ChildJvm child = ChildJvm.start(VirtualMain.class, log, "simulate", SMOKE.toString(), report.toString(),
                "--speed", "600", "--status-every", "60")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (child.outputLines().stream().noneMatch(l -> l.contains("t=0.05 h")) && child.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(child.isAlive(), "running: " + child.outputLines());
            long stop = System.nanoTime();
            child.terminate();
            child.awaitExit(Duration.ofSeconds(30));
            assertTrue((System.nanoTime() - stop) / 1_000_000 < SLACK.toMillis(), "stopped promptly");
            assertTrue(child.outputLines().stream().anyMatch(l -> l.contains("sp -")),
                    "a missing setpoint reads as missing: " + child.outputLines());
            assertTrue(child.outputLines().stream().noneMatch(l -> l.contains("NaN")), "no NaN on the console");
        }
        RunSummary summary = ReportFiles.readSummary(report);
        assertEquals("stopped", summary.finalState());
        assertTrue(summary.furnaceHours() > 0.04, "furnace hours " + summary.furnaceHours());
        assertTrue(Files.size(report.resolve(ReportFiles.TREND)) > 0);
    }

    /** The baseline: a JVM with the same class path that does nothing. */
    public static final class StartAndExit {
        private StartAndExit() {
        }

        public static void main(String[] args) {
            System.out.println("started");
        }
    }
}
