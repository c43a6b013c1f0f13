package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.telemetry.influx.InfluxSink;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.QueueSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telemetry of one run, seen from the scan: every scan's snapshot gives its points to the pipeline, and the
 * pipeline's health goes back to the core as alarms (through the command queue, applied before the next scan). In
 * real time the scan never waits ({@link TelemetryPipeline#offer}); in virtual time it
 * waits for the disk rather than lose points ({@link TelemetryPipeline#put}).
 */
public final class RunTelemetry implements ScanFeed.ScanListener, AutoCloseable {
    /** Who the health reports come from, in the core's journal. */
    private static final Actor SERVICE = Actor.system("telemetry");
    private static final Logger LOG = LoggerFactory.getLogger(RunTelemetry.class);
    private static final long SEGMENT_BYTES = 16L << 20;
    private static final int ALARM_CHECK_EVERY_SCANS = 10;

    private final ScanPoints points;
    /** Changes only when an operator loads another recipe before the start; the audit head is written elsewhere. */
    private volatile RunTags tags;
    private final TelemetryPipeline pipeline;
    private final CommandQueue core;
    private final boolean realTime;
    private final long backlogAlarmMs;
    private long scans;
    private long lostSeen;
    private long quarantinedSeen;

    private RunTelemetry(ScanPoints points, RunTags tags, TelemetryPipeline pipeline, CommandQueue core,
                         boolean realTime, Duration backlogAlarm) {
        this.points = points;
        this.tags = tags;
        this.pipeline = pipeline;
        this.core = core;
        this.realTime = realTime;
        this.backlogAlarmMs = backlogAlarm.toMillis();
    }

    /** The run follows another recipe, loaded before its start: its points say so from the next scan on. */
    public void recipe(String name) {
        tags = tags.withRecipe(name);
        points.recipe(name);
    }

    /**
     * Opens the queue in the settings' directory (delivering first whatever an earlier run left there) and starts
     * the pipeline to the configured database, or to local line-protocol files when none is configured.
     *
     * @param core  where the pipeline's health goes, as alarm conditions for the core
     * @param clock the wall clock: ages of queued points and file names follow it, whatever the run's time
     */
    public static RunTelemetry start(TelemetrySettings settings, Catalogue catalogue, RunTags tags, CommandQueue core,
                                     Clock clock, boolean realTime) throws IOException {
        DiskQueue queue = DiskQueue.open(settings.directory().resolve("queue"),
                new QueueSettings(Math.min(SEGMENT_BYTES, settings.budgetBytes() / 4), settings.budgetBytes(),
                        settings.whenFull()), clock);
        TelemetryPipeline pipeline;
        try {
            pipeline = startPipeline(settings, queue, tags, clock);
        } catch (IOException | RuntimeException e) {
            queue.close();
            throw e;
        }
        ScanPoints points = new ScanPoints(TelemetryFields.standard(catalogue), settings.decimation(), tags);
        return new RunTelemetry(points, tags, pipeline, core, realTime, settings.backlogAlarm());
    }

    /**
     * Records one scan: takes the values due now and leaves their formatting to the writer thread. Every tenth scan
     * also turns the pipeline's health into alarms.
     */
    @Override
    public void onScan(ScanSnapshot scan) {
        ScanLines lines = points.select(scan);
        if (realTime) {
            pipeline.offer(lines);
        } else {
            try {
                pipeline.put(lines);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("telemetry: interrupted, {} lines of this scan not recorded", lines.count());
            }
        }
        if (++scans % ALARM_CHECK_EVERY_SCANS == 0) {
            reportHealth();
        }
    }

    /**
     * Records a new head of the audit trail: measurement {@code audit}, fields {@code head_seq} and {@code head_hash},
     * stamped with the record's time. From any thread; never waits.
     */
    public void auditHead(long seq, String hash, Instant time) {
        pipeline.offer(List.of(AuditHeadPoint.line(tags, seq, hash, time)));
    }

    private void reportHealth() {
        TelemetryHealth health = pipeline.health();
        boolean losing = health.queueFull() || health.lostRecords() > lostSeen;
        condition(AlarmId.TELEMETRY_POINTS_LOST, losing,
                health.lostRecords() + " points lost so far; disk queue " + health.queueBytes() + " bytes");
        lostSeen = health.lostRecords();
        condition(AlarmId.TELEMETRY_DATABASE_REFUSED, health.refused(), health.lastProblem());
        condition(AlarmId.TELEMETRY_BACKLOG, health.oldestAgeMs() > backlogAlarmMs,
                health.queuedRecords() + " points waiting on disk, oldest " + health.oldestAgeMs() / 1000 + " s: "
                        + health.lastProblem());
        if (health.quarantinedBatches() > quarantinedSeen) {
            core.submit(new Command.ReportEvent(AlarmId.TELEMETRY_BATCH_QUARANTINED, health.lastProblem()), SERVICE, "");
            quarantinedSeen = health.quarantinedBatches();
        }
    }

    private void condition(AlarmId alarm, boolean active, String detail) {
        core.submit(new Command.ReportCondition(alarm, active, detail), SERVICE, "");
    }

    /**
     * As {@link #start} on the wall clock, for a run whose configuration may switch telemetry off: null then.
     * A queue that cannot be opened fails the run's start, naming the directory.
     */
    public static RunTelemetry startIfConfigured(Optional<TelemetrySettings> settings, Catalogue catalogue,
                                                 RunTags tags, CommandQueue core, boolean realTime) {
        if (settings.isEmpty()) {
            return null;
        }
        try {
            return start(settings.get(), catalogue, tags, core, Clock.systemUTC(), realTime);
        } catch (IOException e) {
            throw new UncheckedIOException("telemetry cannot start in " + settings.get().directory(), e);
        }
    }

    /** The sink and the pipeline on an open queue; the sink is closed again if the pipeline cannot start. */
    private static TelemetryPipeline startPipeline(TelemetrySettings settings, DiskQueue queue, RunTags tags,
                                                   Clock clock) throws IOException {
        TelemetrySink sink = settings.influx().isPresent() ? new InfluxSink(settings.influx().get())
                : new LineProtocolFiles(settings.directory().resolve("files"), clock);
        LOG.info("telemetry run={} to {}, queue in {}", tags.runId(),
                settings.influx().map(Object::toString).orElse("local files in " + settings.directory()
                        .resolve("files")), settings.directory().resolve("queue"));
        try {
            return new TelemetryPipeline(queue, sink, settings.directory().resolve("quarantine"));
        } catch (IOException | RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    public TelemetryPipeline pipeline() {
        return pipeline;
    }

    /** Delivers what it can within {@code timeout}; the rest stays queued on disk. True if all was delivered. */
    public boolean close(Duration timeout) {
        return pipeline.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
