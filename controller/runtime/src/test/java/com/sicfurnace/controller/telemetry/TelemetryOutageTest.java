package com.sicfurnace.controller.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.ChildJvm;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.telemetry.influx.EmbeddedQuestDb;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSink;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import com.sicfurnace.controller.telemetry.queue.QueueSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole telemetry path (hand-off, disk queue, forwarder, InfluxDB v2 write API) against a real database that
 * goes away: QuestDB stopped for 30 s while points keep coming at ten times a furnace's rate, then started again.
 */
class TelemetryOutageTest {
    private static final Pattern QUEUED = Pattern.compile("queued (\\d+)\\s*");
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryOutageTest.class);
    static final String TABLE = "outage";
    private static final long BASE_MICROS = 1_790_000_000_000_000L;
    private static final int LINES_PER_TICK = 12;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    @TempDir
    Path dir;
    private EmbeddedQuestDb db;

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    /** Point {@code n} of the test series: its own microsecond, its number as the value. */
    static String line(long n) {
        return TABLE + ",furnace=6inch seq=" + n + "i " + (BASE_MICROS + n) * 1000;
    }

    static TelemetryPipeline pipeline(Path dir, String url) throws Exception {
        DiskQueue queue = DiskQueue.open(dir.resolve("queue"),
                new QueueSettings(1 << 20, 256L << 20, FullPolicy.REJECT_NEW), Clock.systemUTC());
        InfluxSink sink = new InfluxSink(InfluxSettings.of(url, "", "-", "telemetry")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        return new TelemetryPipeline(queue, sink, dir.resolve("quarantine"));
    }

    /** Every point 0..count-1 is in the table exactly once. */
    static void assertExactlyOnce(EmbeddedQuestDb db, long count) throws Exception {
        long rows = db.awaitRows(TABLE, count, Duration.ofSeconds(30));
        JsonNode stats = db.sql("select count(), count_distinct(seq), min(seq), max(seq) from " + TABLE)
                .path("dataset").path(0);
        assertEquals(count, rows, "rows");
        assertEquals(count, stats.path(1).asLong(), "distinct points");
        assertEquals(0, stats.path(2).asLong(), "first point");
        assertEquals(count - 1, stats.path(3).asLong(), "last point");
    }

    @Test
    void aThirtySecondOutageWhileWritingLosesNothingAndDuplicatesNothing() throws Exception {
        int port = FreePort.pick();
        Path dbDir = dir.resolve("questdb");
        db = EmbeddedQuestDb.start(dbDir, port);
        TelemetryPipeline pipeline = pipeline(dir, db.url());
        long outageStart = TimeUnit.SECONDS.toNanos(5);
        long outageEnd = outageStart + TimeUnit.SECONDS.toNanos(30);
        long end = outageEnd + TimeUnit.SECONDS.toNanos(5);
        long start = System.nanoTime();
        long next = 0;
        boolean stopped = false;
        long queuedDuringOutage = 0;
        for (long tick = start; tick - start < end; tick += TICK_NANOS) {
            long elapsed = tick - start;
            if (!stopped && elapsed >= outageStart && elapsed < outageEnd) {
                db.close();
                stopped = true;
            } else if (stopped && elapsed >= outageEnd) {
                queuedDuringOutage = pipeline.health().queuedRecords();
                db = EmbeddedQuestDb.start(dbDir, port);
                stopped = false;
            }
            List<String> lines = new ArrayList<>(LINES_PER_TICK);
            for (int i = 0; i < LINES_PER_TICK; i++) {
                lines.add(line(next++));
            }
            pipeline.offer(lines);
            LockSupport.parkNanos(tick + TICK_NANOS - System.nanoTime());
        }
        assertTrue(pipeline.close(Duration.ofSeconds(60)), "everything delivered: " + pipeline.health());
        TelemetryHealth health = pipeline.health();
        assertEquals(0, health.lostRecords(), "nothing lost on the way");
        assertTrue(health.retries() > 0, "deliveries failed during the outage and were retried");
        assertTrue(queuedDuringOutage > 20_000, "points waited on disk during the outage: " + queuedDuringOutage);
        assertExactlyOnce(db, next);
        LOG.info("outage test: {} points, {} queued on disk at the end of the 30 s outage, {} retries", next,
                queuedDuringOutage, health.retries());
    }

    @Test
    void killedDuringAnOutageEveryPointThatReachedTheQueueArrivesAfterTheRestart() throws Exception {
        long queued = 0;
        try (ChildJvm child = ChildJvm.start(TelemetryWriterChild.class, dir.resolve("child.out"), dir.toString(),
                "http://127.0.0.1:" + FreePort.pick())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (queued < 3_000 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
                queued = lastQueued(child.outputLines());
            }
            child.killHard();
            queued = lastQueued(child.outputLines());
        }
        assertTrue(queued >= 3_000, "the child queued points before it was killed: " + queued);

        db = EmbeddedQuestDb.start(dir.resolve("questdb"));
        TelemetryPipeline restarted = pipeline(dir, db.url());
        assertTrue(restarted.close(Duration.ofSeconds(60)), "the queue left by the killed process was delivered");
        long delivered = restarted.health().deliveredRecords();
        assertTrue(delivered >= queued, delivered + " delivered, " + queued + " were reported queued");
        assertExactlyOnce(db, delivered);
        LOG.info("kill -9 test: {} points reported queued before the kill, {} delivered after the restart", queued,
                delivered);
    }

    /** The child's last report; a line it is still writing may be cut short and is skipped if it has no number. */
    private static long lastQueued(List<String> lines) {
        long last = 0;
        for (String line : lines) {
            Matcher m = QUEUED.matcher(line);
            if (m.matches()) {
                last = Long.parseLong(m.group(1));
            }
        }
        return last;
    }
}
