package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.run.JournalFeed;
import com.sicfurnace.controller.run.RunJournal;
import com.sicfurnace.controller.scan.RunCheckpoint;
import com.sicfurnace.controller.signal.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run journal's cost on the scan thread, in the growth soak of the 6-inch recipe: the scan step alone (the
 * baseline) against the scan step with the run journal listening as in {@code controller run} (a checkpoint per
 * furnace second, that is every tenth scan, handed to the journal's own thread, which writes it to a real file with
 * fsync and rename at most every 100 ms of wall time), and the checkpoint alone. Run: scripts/benchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalScanBenchmark {
    private GrowingFurnace plain;
    private GrowingFurnace journaled;
    private RunJournal journal;
    private Path dir;

    @Setup(Level.Trial)
    public void intoTheGrowthSoak() throws IOException {
        plain = new GrowingFurnace();
        plain.runFor(40.0);
        journaled = new GrowingFurnace();
        journaled.runFor(40.0);
        dir = Files.createTempDirectory("journal-benchmark");
        RunJournal.Identity identity = new RunJournal.Identity("benchmark", "6inch", "pvt-6inch",
                GrowingFurnace.RECIPE.toString(), "0".repeat(64), Instant.parse("2026-01-05T06:00:00Z"), 1.0);
        journal = RunJournal.start(dir.resolve("journal"), identity, Clock.systemUTC(), Duration.ofMillis(100));
        journaled.feed.listen(new JournalFeed(journal, journaled::checkpoint, Duration.ofSeconds(1)));
    }

    @TearDown(Level.Trial)
    public void removeTheJournal() throws IOException {
        journal.close();
        System.out.printf("%n%d journal writes, write time median %d µs, p99 %d µs%n", journal.writes(),
                journal.writeTimes().getValueAtPercentile(50) / 1000, journal.writeTimes().getValueAtPercentile(99)
                        / 1000);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public double scanStep() {
        return plain.scan().value(Signal.PS1_POWER_SP_KW);
    }

    @Benchmark
    public double scanStepJournaled() {
        return journaled.scan().value(Signal.PS1_POWER_SP_KW);
    }

    @Benchmark
    public RunCheckpoint checkpoint() {
        return journaled.checkpoint();
    }
}
