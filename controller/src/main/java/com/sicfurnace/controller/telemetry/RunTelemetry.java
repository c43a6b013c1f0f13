package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.telemetry.influx.InfluxSink;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.QueueSettings;
import com.sicfurnace.iolist.IoList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telemetry of one run, seen from the scan: every scan's points go to the pipeline, and the pipeline's health
 * comes back as alarms. In real time the scan never waits ({@link TelemetryPipeline#offer}); in virtual time it
 * waits for the disk rather than lose points ({@link TelemetryPipeline#put}).
 */
public final class RunTelemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunTelemetry.class);
    private static final long SEGMENT_BYTES = 16L << 20;
    private static final int ALARM_CHECK_EVERY_SCANS = 10;

    private final ScanPoints points;
    private final TelemetryPipeline pipeline;
    private final boolean realTime;
    private final long backlogAlarmMs;
    private long scans;
    private long lostSeen;
    private long quarantinedSeen;

    private RunTelemetry(ScanPoints points, TelemetryPipeline pipeline, boolean realTime, Duration backlogAlarm) {
        this.points = points;
        this.pipeline = pipeline;
        this.realTime = realTime;
        this.backlogAlarmMs = backlogAlarm.toMillis();
    }

    /**
     * Opens the queue in the settings' directory (delivering first whatever an earlier run left there) and starts
     * the pipeline to the configured database, or to local line-protocol files when none is configured.
     *
     * @param clock the wall clock: ages of queued points and file names follow it, whatever the run's time
     */
    public static RunTelemetry start(TelemetrySettings settings, IoList furnaceSignals, RunTags tags, Clock clock,
                                     boolean realTime) throws IOException {
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
        ScanPoints points = new ScanPoints(TelemetryFields.standard(furnaceSignals), settings.decimation(), tags);
        return new RunTelemetry(points, pipeline, realTime, settings.backlogAlarm());
    }

    /**
     * Records one scan: takes the values due now and leaves their formatting to the writer thread. Every tenth scan
     * also turns the pipeline's health into alarms.
     */
    public void afterScan(ScanView scan, Instant time) {
        ScanLines lines = points.select(scan, time);
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
            reportHealth(scan.controller());
        }
    }

    private void reportHealth(FurnaceController controller) {
        TelemetryHealth health = pipeline.health();
        boolean losing = health.queueFull() || health.lostRecords() > lostSeen;
        controller.reportCondition(AlarmId.TELEMETRY_POINTS_LOST, losing,
                health.lostRecords() + " points lost so far; disk queue " + health.queueBytes() + " bytes");
        lostSeen = health.lostRecords();
        controller.reportCondition(AlarmId.TELEMETRY_DATABASE_REFUSED, health.refused(), health.lastProblem());
        controller.reportCondition(AlarmId.TELEMETRY_BACKLOG, health.oldestAgeMs() > backlogAlarmMs,
                health.queuedRecords() + " points waiting on disk, oldest " + health.oldestAgeMs() / 1000 + " s: "
                        + health.lastProblem());
        if (health.quarantinedBatches() > quarantinedSeen) {
            controller.reportEvent(AlarmId.TELEMETRY_BATCH_QUARANTINED, health.lastProblem());
            quarantinedSeen = health.quarantinedBatches();
        }
    }

    /**
     * As {@link #start} on the wall clock, for a run whose configuration may switch telemetry off: null then.
     * A queue that cannot be opened fails the run's start, naming the directory.
     */
    public static RunTelemetry startIfConfigured(Optional<TelemetrySettings> settings, IoList furnaceSignals,
                                                 RunTags tags, boolean realTime) {
        if (settings.isEmpty()) {
            return null;
        }
        try {
            return start(settings.get(), furnaceSignals, tags, Clock.systemUTC(), realTime);
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
