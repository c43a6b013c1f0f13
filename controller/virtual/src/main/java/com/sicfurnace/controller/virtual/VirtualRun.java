package com.sicfurnace.controller.virtual;

import com.sicfurnace.controller.app.StatusLine;
import com.sicfurnace.controller.audit.AuditHead;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.io.inprocess.InProcessFurnaceIo;
import com.sicfurnace.controller.io.inprocess.InProcessLinks;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.TrendColumn;
import com.sicfurnace.controller.report.TrendColumns;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.runtime.VirtualClock;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.scan.ScanCycle;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.RunTelemetry;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.fault.FaultCommand;
import com.sicfurnace.simulator.fault.FaultInjector;
import com.sicfurnace.simulator.fault.FaultScript;
import com.sicfurnace.simulator.model.FurnaceConfig;
import com.sicfurnace.simulator.model.FurnaceModel;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a recipe against the simulator: the core's scan step and the furnace model in one thread, furnace time moved
 * one scan period per scan. Unpaced it runs as fast as the machine allows (virtual time); paced it keeps furnace
 * time at {@code speed} times the wall clock. Without an operator a held run cannot resume, so a hold that needs
 * one ends the run (not completed); a hold for a communication loss goes on while the controller may still resume
 * by itself (no trip latched, the loss not longer than the profile's auto-resume time). A test may have it scan on
 * after the end ({@link Options#withAfterEndS}) to watch what the core does to the furnace meanwhile.
 *
 * <p>Faults of a fault script are applied at their furnace time, before the scan of that time: model faults to
 * the model, communication faults to the in-process links ({@link InProcessLinks}).
 */
public final class VirtualRun {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualRun.class);
    /** Furnace times are sums of scan periods: a fault at 120 s fires at the scan of 120 s, not one later. */
    private static final double DUE_EPSILON_S = 1e-6;

    /**
     * Run options: random seed of the model, longest furnace time, virtual start time, trend period, pace
     * ({@code speed} furnace seconds per wall second; 0 for unpaced), how often to report status (furnace
     * seconds; 0 for never) and how long to go on scanning once the run has ended ({@code afterEndS}, furnace
     * seconds; 0 by default).
     */
    public record Options(long seed, double maxHours, Instant start, double trendPeriodS, double speed,
                          double statusPeriodS, Optional<TelemetrySettings> telemetry, Optional<Audit> audit,
                          List<FaultScript.Entry> faults, List<ScanFeed.ScanListener> listeners, double afterEndS) {
        public Options {
            faults = List.copyOf(faults);
            listeners = List.copyOf(listeners);
        }

        public static Options defaults() {
            return new Options(1L, 400.0, Instant.parse("2026-01-05T06:00:00Z"), 60.0, 0.0, 0.0, Optional.empty(),
                    Optional.empty(), List.of(), List.of(), 0.0);
        }

        /** Records the run's telemetry, timestamped with furnace (virtual) time. */
        public Options withTelemetry(TelemetrySettings settings) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, Optional.of(settings), audit,
                    faults, listeners, afterEndS);
        }

        /** Applies these faults (in furnace-time order, as {@link FaultScenario#load} checked them). */
        public Options withFaults(List<FaultScript.Entry> entries) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, telemetry, audit, entries,
                    listeners, afterEndS);
        }

        /** Also tells {@code listener} every scan's snapshot, after the report's recorder. */
        public Options withListener(ScanFeed.ScanListener listener) {
            List<ScanFeed.ScanListener> more = new ArrayList<>(listeners);
            more.add(listener);
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, telemetry, audit, faults,
                    more, afterEndS);
        }

        public Options withSeed(long newSeed) {
            return new Options(newSeed, maxHours, start, trendPeriodS, speed, statusPeriodS, telemetry, audit, faults,
                    listeners, afterEndS);
        }

        public Options withMaxHours(double hours) {
            return new Options(seed, hours, start, trendPeriodS, speed, statusPeriodS, telemetry, audit, faults,
                    listeners, afterEndS);
        }

        /** Records the run's actions in an audit trail, stamped with furnace (virtual) time. */
        public Options withAudit(Audit settings) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, telemetry,
                    Optional.of(settings), faults, listeners, afterEndS);
        }

        /**
         * Goes on scanning for {@code seconds} of furnace time once the run has ended (completed, or held for an
         * operator who is not there): the core keeps acting on the furnace, so a test can watch a trip's effect
         * after the hold.
         */
        public Options withAfterEndS(double seconds) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, telemetry, audit, faults,
                    listeners, seconds);
        }
    }

    /**
     * An audit trail for a virtual run: its directory, and the recipe file the run read (its hash goes into the
     * trail). Virtual runs have none by default: simulated actions do not belong in a furnace's trail.
     */
    public record Audit(Path directory, Path recipeFile) {
    }

    /**
     * The summary and the trend of a finished run, and how many of the controller's writes the furnace refused
     * (NaN or out of range: a controller fault the network adapters would only log).
     */
    public record Result(RunSummary summary, RunRecorder recorder, long refusedWrites) {
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
        InProcessLinks links = new InProcessLinks(furnace.signals());
        FaultInjector injector = new FaultInjector(furnace.faults(), links);
        List<RunSummary.AppliedFault> applied = new ArrayList<>();
        int nextFault = 0;
        HoldWatch holds = new HoldWatch(profile.comm().autoResumeWithinS());
        try (audit; InProcessFurnaceIo io = new InProcessFurnaceIo(furnace, links);
             RunTelemetry telemetry = RunTelemetry.startIfConfigured(options.telemetry(), catalogue,
                     new RunTags(profile.furnace(), runId, recipe.name()), commands, false)) {
            feed.listen(recorder);
            if (telemetry != null) {
                feed.listen(telemetry);
                audit.onHead(telemetry);
            }
            audit.follow(feed);
            options.listeners().forEach(feed::listen);
            ScanCycle cycle = new ScanCycle(profile, recipe, signals, io, commands, feed);
            commands.submit(new Command.Start(), VirtualAudit.USER, "virtual run");
            long scan = 0;
            long endedAtScan = -1;
            long scansAfterEnd = Math.round(options.afterEndS() / periodS);
            ScanSnapshot last = null;
            while (scan < maxScans && !Thread.currentThread().isInterrupted()) {
                if (endedAtScan < 0 && holds.ended(last, periodS)) {
                    endedAtScan = scan;
                }
                if (endedAtScan >= 0 && scan >= endedAtScan + scansAfterEnd) {
                    break;
                }
                double elapsedS = scan * periodS;
                links.advanceTo(elapsedS);
                for (; nextFault < options.faults().size()
                        && options.faults().get(nextFault).atS() <= elapsedS + DUE_EPSILON_S; nextFault++) {
                    FaultScript.Entry entry = options.faults().get(nextFault);
                    injector.apply(entry.command());
                    applied.add(new RunSummary.AppliedFault(elapsedS / 3600.0, entry.atS(), given(entry.command())));
                }
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
            if (io.refusedWrites() > 0) {
                LOG.warn("the furnace refused {} of the controller's writes in this run (see the errors above)",
                        io.refusedWrites());
            }
            RunState finalState = last == null ? RunState.READY : last.run().state();
            AuditHead head = audit.stop(clock.instant(), stopped ? "stopped" : finalState.label(),
                    scan * periodS / 3600.0);
            RunSummary summary = summarise(recipe, profile, options, finalState, recorder, model,
                    scan * periodS / 3600.0, wallSeconds, stopped, applied, head);
            LOG.info("recipe={} furnace={} furnace_hours={} wall_seconds={} completed={} final_state={}",
                    recipe.name(), profile.furnace(), String.format(Locale.ROOT, "%.2f", summary.furnaceHours()),
                    String.format(Locale.ROOT, "%.2f", wallSeconds), summary.completed(), summary.finalState());
            return new Result(summary, recorder, io.refusedWrites());
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

    /** The fault object as the script gave it: its name first, then its parameters by name. */
    private static Map<String, Object> given(FaultCommand command) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("fault", command.fault());
        fault.putAll(new TreeMap<>(command.parameters()));
        return fault;
    }

    /**
     * When a run without an operator has ended: finished, or held in a way only an operator can lift. A hold for a
     * communication loss may still lift by itself, unless a trip is latched or the hold has lasted longer than the
     * auto-resume time (then the loss did too, and the controller waits for an operator).
     */
    private static final class HoldWatch {
        private final double autoResumeWithinS;
        private double commHoldS;

        HoldWatch(double autoResumeWithinS) {
            this.autoResumeWithinS = autoResumeWithinS;
        }

        boolean ended(ScanSnapshot last, double periodS) {
            if (last == null) {
                return false;
            }
            if (last.run().finished()) {
                return true;
            }
            if (last.run().state() != RunState.HELD) {
                commHoldS = 0.0;
                return false;
            }
            if (last.run().holdReason() != HoldReason.COMM_LOSS
                    || last.safety().active().stream().anyMatch(row -> row != InterlockId.COMM_LOSS)) {
                return true;
            }
            commHoldS += periodS;
            return commHoldS > autoResumeWithinS + periodS;
        }
    }

    private static RunSummary summarise(Recipe recipe, FurnaceProfile profile, Options options, RunState finalState,
                                        RunRecorder recorder, FurnaceModel model, double furnaceHours,
                                        double wallSeconds, boolean stopped, List<RunSummary.AppliedFault> faults,
                                        AuditHead audit) {
        double initialSourceKg = model.config().thermal().nodes().stream()
                .filter(n -> n.name().equals(model.config().growth().sourceNode())).findFirst().orElseThrow()
                .massKg();
        return new RunSummary(recipe.name(), profile.furnace(), options.seed(), furnaceHours, wallSeconds,
                finalState == RunState.COMPLETE, stopped ? "stopped" : finalState.label(),
                recorder.stepSummaries(), model.bouleLengthMm(), initialSourceKg - model.sourceMassKg(),
                recorder.trips().size(), recorder.trips(), recorder.alarms(), recorder.alarmKpis(), recorder.events(),
                faults, recorder.tripLatches(), recorder.alarmTransitions(), audit);
    }
}
