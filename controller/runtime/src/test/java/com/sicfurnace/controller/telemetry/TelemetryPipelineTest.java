package com.sicfurnace.controller.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.Await;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.influx.ScriptedWriteEndpoint;
import com.sicfurnace.controller.telemetry.influx.ScriptedWriteEndpoint.Answer;
import com.sicfurnace.iolist.IoList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the telemetry path does with each kind of answer from the database, against a scripted HTTP endpoint. */
class TelemetryPipelineTest {
    private static final String BAD_DATA = "{\"code\":\"invalid\",\"message\":\"unable to parse 'outage seq=': "
            + "missing field value\"}";

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private ScriptedWriteEndpoint endpoint;
    private TelemetryPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close(Duration.ZERO);
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private void start(Answer... script) throws Exception {
        endpoint = ScriptedWriteEndpoint.answering(List.of(script));
        pipeline = TelemetryOutageTest.pipeline(dir, endpoint.url());
    }

    private static List<String> points(long from, long to) {
        return LongStream.range(from, to).mapToObj(TelemetryOutageTest::line).toList();
    }

    @Test
    void aScanThatCannotBeFormattedIsCountedLostAndTheWriterGoesOn() throws Exception {
        start(Answer.of(204, ""));
        pipeline.offer(new ScanLines() {
            @Override
            public int count() {
                return 3;
            }

            @Override
            public List<String> lines() {
                throw new IllegalArgumentException("a field value Point cannot take");
            }
        });
        pipeline.offer(points(0, 10));
        Await.until(() -> pipeline.health().deliveredRecords() == 10, WAIT, "the next scan delivered");
        assertEquals(3, pipeline.health().lostRecords(), "the unformattable scan's lines counted lost");
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfterWithTheSameBatch() throws Exception {
        start(Answer.of(429, "{\"code\":\"too many requests\",\"message\":\"slow down\"}", "Retry-After", "2"),
                Answer.of(204, ""));
        pipeline.offer(points(0, 100));
        Await.until(() -> endpoint.received().size() >= 2, WAIT, "a second attempt");
        List<ScriptedWriteEndpoint.Received> received = endpoint.received();
        long gapMs = (received.get(1).receivedNanos() - received.get(0).receivedNanos()) / 1_000_000;
        assertTrue(gapMs >= 1_950, "second attempt after " + gapMs + " ms, Retry-After was 2 s");
        assertEquals(received.get(0).body(), received.get(1).body(), "the same batch again");
        assertEquals(100, received.get(1).body().lines().count());
        assertTrue(pipeline.close(Duration.ofSeconds(5)));
        assertEquals(100, pipeline.health().deliveredRecords());
        assertEquals(1, pipeline.health().retries());
    }

    @Test
    void serviceUnavailableIsRetriedUntilTheDatabaseTakesTheBatch() throws Exception {
        start(Answer.of(503, "", "Retry-After", "1"), Answer.of(503, "", "Retry-After", "1"), Answer.of(204, ""));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new TelemetryMetrics(pipeline).bindTo(registry);
        pipeline.offer(points(0, 10));
        assertTrue(pipeline.close(Duration.ofSeconds(10)), "delivered in the end");
        assertEquals(3, endpoint.received().size());
        assertEquals(10, pipeline.health().deliveredRecords());
        assertEquals(2, pipeline.health().retries());
        assertEquals(2, registry.get("furnace.telemetry.write").tag("outcome", "retry").timer().count());
        assertEquals(1, registry.get("furnace.telemetry.write").tag("outcome", "accepted").timer().count());
        assertEquals(10, registry.get("furnace.telemetry.delivered").functionCounter().count());
        assertEquals(2, registry.get("furnace.telemetry.write.retries").functionCounter().count());
        assertEquals(0, registry.get("furnace.telemetry.queue.depth").gauge().value());
        assertEquals(0, registry.get("furnace.telemetry.handoff.depth").gauge().value());
    }

    @Test
    void badDataGoesToTheQuarantineWithTheServersMessageAndIsNotRetried() throws Exception {
        start(Answer.of(400, BAD_DATA), Answer.of(204, ""));
        pipeline.offer(points(0, 10));
        Await.until(() -> pipeline.health().quarantinedBatches() == 1, WAIT, "the batch quarantined");
        pipeline.offer(points(10, 20));
        assertTrue(pipeline.close(Duration.ofSeconds(5)));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("quarantine"))) {
            files = list.toList();
        }
        assertEquals(1, files.size(), "one quarantined batch");
        List<String> kept = Files.readAllLines(files.get(0));
        assertEquals("# refused by the database with status 400", kept.get(0));
        assertTrue(kept.get(1).contains("missing field value"), kept.get(1));
        assertEquals(points(0, 10), kept.subList(2, kept.size()), "the refused points, intact");
        assertEquals(2, endpoint.received().size(), "the refused batch was not sent again");
        assertEquals(points(10, 20), endpoint.received().get(1).body().lines().toList());
        assertEquals(10, pipeline.health().deliveredRecords());
    }

    @Test
    void refusedCredentialsRaiseTheAlarmAndThePointsStayQueued() throws Exception {
        endpoint = ScriptedWriteEndpoint.answering(List.of(Answer.of(401,
                "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}")));
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        Recipe smoke = RecipeLoader.load(Path.of("..", "..", "docs", "recipes", "smoke.yaml"), profile.recipeLimits());
        TelemetrySettings settings = TelemetrySettings.local(dir).withInflux(Optional.of(
                InfluxSettings.of(endpoint.url(), "wrong-token", "plant", "furnaces")));
        CommandQueue toCore = new CommandQueue();
        List<RunTelemetry> listening = new ArrayList<>();
        CoreRig rig = new CoreRig("6inch", smoke, toCore, (snapshot, events) -> listening.forEach(t -> t.onScan(snapshot)));
        try (RunTelemetry telemetry = RunTelemetry.start(settings,
                Catalogue.of(IoList.fromClasspath().forFurnace("6inch")), new RunTags("6inch", "r1", "smoke"), toCore,
                Clock.systemUTC(), true)) {
            listening.add(telemetry);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            do {
                rig.scans(1);
                Thread.sleep(10);
            } while (!rig.last().activeAlarms().contains(AlarmId.TELEMETRY_DATABASE_REFUSED)
                    && System.nanoTime() < deadline);
            assertTrue(rig.last().activeAlarms().contains(AlarmId.TELEMETRY_DATABASE_REFUSED), "alarm raised");
            assertTrue(rig.drainAlarmEvents().stream().anyMatch(e -> e.alarm().equals(AlarmId.TELEMETRY_DATABASE_REFUSED)
                    && e.detail().contains("401")), "journaled with the database's answer");
            TelemetryHealth health = telemetry.pipeline().health();
            assertTrue(health.refused());
            assertTrue(health.lastProblem().contains("401"), health.lastProblem());
            assertTrue(health.queuedRecords() > 0, "points kept on disk: " + health);
            assertEquals(0, health.deliveredRecords());
            assertFalse(quarantined(dir), "nothing quarantined");
        }
    }

    private static boolean quarantined(Path dir) throws Exception {
        if (!Files.exists(dir.resolve("quarantine"))) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir.resolve("quarantine"))) {
            return list.findAny().isPresent();
        }
    }
}
