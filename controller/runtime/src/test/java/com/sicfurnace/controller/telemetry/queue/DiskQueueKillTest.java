package com.sicfurnace.controller.telemetry.queue;

import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.drain;
import static com.sicfurnace.controller.telemetry.queue.QueueTestSupport.sequences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sicfurnace.controller.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash the queue is built for: a child JVM appends batches and reports each one that returned; the test kills
 * it with SIGKILL in the middle of the stream, twice (the second run starts from what the first left behind), and
 * then every reported record must be there, in order, once.
 */
class DiskQueueKillTest {
    private static final int REPORTS_BEFORE_KILL = 30;
    private static final Pattern DURABLE = Pattern.compile("durable run=(\\d+) sequence=(\\d+) point=(\\d+) end");
    private static final Pattern PAYLOAD = Pattern.compile("telemetry,run=(\\d+) point=(\\d+)i,.*");

    @TempDir
    Path dir;
    @TempDir
    Path outputDir;

    /** One report of the child: the append that ended with this sequence number and point had returned. */
    private record Reported(int run, long sequence, long point) {
    }

    @Test
    void everyAppendThatReturnedSurvivesKillDashNineInOrderAndOnce() throws Exception {
        List<Reported> reported = new ArrayList<>(runAndKill(1));
        reported.addAll(runAndKill(2));

        try (DiskQueue queue = DiskQueue.open(dir, QueueAppenderChild.SETTINGS, Clock.systemUTC())) {
            List<QueuedRecord> records = drain(queue, 10_000);

            assertEquals(LongStream.rangeClosed(1, records.size()).boxed().toList(), sequences(records),
                    "sequence numbers 1, 2, 3, ... without gaps or repeats");
            assertRunsInOrder(records);
            for (Reported r : reported) {
                assertTrue(r.sequence() <= records.size(), "reported " + r + " but only " + records.size()
                        + " records survived");
                assertEquals(QueueAppenderChild.payload(r.run(), r.point()),
                        records.get((int) r.sequence() - 1).payload(), "record " + r.sequence());
            }
        }
    }

    /** Points 0, 1, 2, ... of run 1, then 0, 1, 2, ... of run 2: nothing lost, repeated or reordered. */
    private static void assertRunsInOrder(List<QueuedRecord> records) {
        int run = 1;
        long expectedPoint = 0;
        for (QueuedRecord record : records) {
            Matcher m = PAYLOAD.matcher(record.payload());
            assertTrue(m.matches(), record.payload());
            if (Integer.parseInt(m.group(1)) != run) {
                run++;
                expectedPoint = 0;
            }
            assertEquals(run, Integer.parseInt(m.group(1)), "record " + record.sequence());
            assertEquals(expectedPoint, Long.parseLong(m.group(2)), "record " + record.sequence());
            expectedPoint++;
        }
        assertEquals(2, run, "records of both runs survived");
    }

    /**
     * Starts the child, kills it with SIGKILL once it has reported enough appends, and returns all its reports. The
     * child writes to a file, which (unlike a pipe) keeps every line it printed before it died.
     */
    private List<Reported> runAndKill(int run) throws Exception {
        Path output = outputDir.resolve("child-" + run + ".out");
        try (ChildJvm child = ChildJvm.start(QueueAppenderChild.class, output, dir.toString(),
                Integer.toString(run))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (parse(child.outputLines()).size() < REPORTS_BEFORE_KILL) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    fail("child run " + run + " did not report " + REPORTS_BEFORE_KILL + " appends: "
                            + child.outputLines());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            child.killHard();
            return parse(child.outputLines());
        }
    }

    private static List<Reported> parse(List<String> output) {
        List<Reported> reported = new ArrayList<>();
        for (String line : output) {
            Matcher m = DURABLE.matcher(line);
            if (m.matches()) {
                reported.add(new Reported(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3))));
            }
        }
        return reported;
    }
}
