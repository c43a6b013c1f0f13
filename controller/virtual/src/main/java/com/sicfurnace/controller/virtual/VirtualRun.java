package com.sicfurnace.controller.virtual;

import com.sicfurnace.controller.app.StatusLine;
import com.sicfurnace.controller.audit.AuditHead;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.controller.io.inprocess.InProcessFurnaceIo;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.TrendColumn;
import com.sicfurnace.controller.report.TrendColumns;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.runtime.VirtualClock;
import com.sicfurnace.controller.scan.ScanCycle;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.RunTelemetry;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.model.FurnaceConfig;
import com.sicfurnace.simulator.model.FurnaceModel;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a recipe against the simulator: the core's scan step and the furnace model in one thread, furnace time moved
 * one scan period per scan. Unpaced it runs as fast as the machine allows (virtual time); paced it keeps furnace
 * time at {@code speed} times the wall clock. Without an operator a held run cannot resume, so a hold ends the run
 * (not completed).
 */
public final class VirtualRun {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualRun.class);

    /**
     * Run options: random seed of the model, longest furnace time, virtual start time, trend period, pace
     * ({@code speed} furnace seconds per wall second; 0 for unpaced) and how often to report status (furnace
     * seconds; 0 for never).
     */
    public record Options(long seed, double maxHours, Instant start, double trendPeriodS, double speed,
                          double statusPeriodS, Optional<TelemetrySettings> telemetry, Optional<Audit> audit) {
        public static Options defaults() {
            return new Options(1L, 400.0, Instant.parse("2026-01-05T06:00:00Z"), 60.0, 0.0, 0.0, Optional.empty(),
                    Optional.empty());
        }

        /** Records the run's telemetry, timestamped with furnace (virtual) time. */
        public Options withTelemetry(TelemetrySettings settings) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, Optional.of(settings), audit);
        }

        /** Records the run's actions in an audit trail, stamped with furnace (virtual) time. */
        public Options withAudit(Audit settings) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, telemetry,
                    Optional.of(settings));
        }
    }

    /**
     * An audit trail for a virtual run: its directory, and the recipe file the run read (its hash goes into the
     * trail). Virtual runs have none by default: simulated actions do not belong in a furnace's trail.
     */
    public record Audit(Path directory, Path recipeFile) {
    }

    /** The summary and the trend of a finished run. */
    public record Result(RunSummary summary, RunRecorder recorder) {
    }

    private VirtualRun() {
    }

    public static Result execute(Recipe recipe, FurnaceProfile profile, FurnaceConfig physics, Options options) {
        SimulatedFurnace furnace = new SimulatedFurnace(physics, options.seed(), profile.scanPeriodS());
        IoList signals = IoList.fromClasspath().forFurnace(profile.furnace());
        Catalogue catalogue = Catalogue.of(signals);
        FurnaceModel model = furnace.model();
        List<TrendColumn> columns = new ArrayList<>(TrendColumns.standard(catalogue));
        columns.add(new TrendColumn("model_boule_length_mm", s -> model.bouleLengthMm()));
        columns.add(new TrendColumn("model_growth_rate_mm_per_h", s -> model.growthRateMmPerH()));
        columns.add(new TrendColumn("model_source_mass_kg", s -> model.sourceMassKg()));
        double periodS = profile.scanPeriodS();
        ScanFeed feed = new ScanFeed();
        CommandQueue commands = new CommandQueue();
        RunRecorder recorder = new RunRecorder(recipe, columns, options.trendPeriodS(), periodS,
                s -> (s.scan() - 1) * periodS, feed.events().reader(true), profile.alarms().staleAfterH());
        VirtualClock clock = new VirtualClock(options.start());
        Duration period = Duration.ofMillis(profile.scanPeriodMs());
        long maxScans = Math.round(options.maxHours() * 3600.0 / periodS);
        long wallStart = System.nanoTime();
        long statusEvery = options.statusPeriodS() > 0 ? Math.round(options.statusPeriodS() / periodS) : 0;
        String runId = runId(profile);
        VirtualAudit audit = VirtualAudit.open(options.audit(), recipe, profile.furnace(), runId, clock, feed);
        try (audit; InProcessFurnaceIo io = new InProcessFurnaceIo(furnace);
             RunTelemetry telemetry = RunTelemetry.startIfConfigured(options.telemetry(), catalogue,
                     new RunTags(profile.furnace(), runId, recipe.name()), commands, false)) {
            feed.listen(recorder);
            if (telemetry != null) {
                feed.listen(telemetry);
                audit.onHead(telemetry);
            }
            audit.follow(feed);
            ScanCycle cycle = new ScanCycle(profile, recipe, signals, io, commands, feed);
            commands.submit(new Command.Start(), VirtualAudit.USER, "virtual run");
            long scan = 0;
            ScanSnapshot last = null;
            while (scan < maxScans && !ended(last) && !Thread.currentThread().isInterrupted()) {
                last = cycle.step(clock.instant());
                furnace.advance(periodS);
                clock.advance(period);
                scan++;
                if (statusEvery > 0 && scan % statusEvery == 0) {
                    LOG.info(StatusLine.of(last, scan * periodS));
                }
                pace(options.speed(), wallStart, scan * periodS);
            }
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            // the interrupt has done its job (end the loop); cleared so that the report can still be written
            boolean stopped = Thread.interrupted();
            if (stopped) {
                LOG.warn("run stopped on request at furnace time {} h", String.format(Locale.ROOT, "%.2f",
                        scan * periodS / 3600.0));
            }
            RunState finalState = last == null ? RunState.READY : last.run().state();
            AuditHead head = audit.stop(clock.instant(), stopped ? "stopped" : finalState.label(),
                    scan * periodS / 3600.0);
            RunSummary summary = summarise(recipe, profile, options, finalState, recorder, model,
                    scan * periodS / 3600.0, wallSeconds, stopped, head);
            LOG.info("recipe={} furnace={} furnace_hours={} wall_seconds={} completed={} final_state={}",
                    recipe.name(), profile.furnace(), String.format(Locale.ROOT, "%.2f", summary.furnaceHours()),
                    String.format(Locale.ROOT, "%.2f", wallSeconds), summary.completed(), summary.finalState());
            return new Result(summary, recorder);
        }
    }

    /** A virtual run's id: its furnace and the wall time it started. */
    private static String runId(FurnaceProfile profile) {
        return "virtual-" + profile.furnace() + "-" + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Sleeps until the wall clock has caught up with {@code furnaceS / speed}. */
    private static void pace(double speed, long wallStartNanos, double furnaceS) {
        if (speed <= 0) {
            return;
        }
        long due = wallStartNanos + Math.round(furnaceS / speed * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static boolean ended(ScanSnapshot last) {
        return last != null && (last.run().finished() || last.run().state() == RunState.HELD);
    }

    private static RunSummary summarise(Recipe recipe, FurnaceProfile profile, Options options, RunState finalState,
                                        RunRecorder recorder, FurnaceModel model, double furnaceHours,
                                        double wallSeconds, boolean stopped, AuditHead audit) {
        double initialSourceKg = model.config().thermal().nodes().stream()
                .filter(n -> n.name().equals(model.config().growth().sourceNode())).findFirst().orElseThrow()
                .massKg();
        return new RunSummary(recipe.name(), profile.furnace(), options.seed(), furnaceHours, wallSeconds,
                finalState == RunState.COMPLETE, stopped ? "stopped" : finalState.label(),
                recorder.stepSummaries(), model.bouleLengthMm(), initialSourceKg - model.sourceMassKg(),
                recorder.trips().size(), recorder.trips(), recorder.alarms(), recorder.alarmKpis(), recorder.events(),
                audit);
    }
}
