package com.sicfurnace.controller.app;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.api.ApiServer;
import com.sicfurnace.controller.api.ControllerFacts;
import com.sicfurnace.controller.api.LoadedRecipe;
import com.sicfurnace.controller.api.RecipeLibrary;
import com.sicfurnace.controller.audit.AuditValues;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.io.CompositeFurnaceIo;
import com.sicfurnace.controller.io.modbus.ModbusFurnaceIo;
import com.sicfurnace.controller.io.opcua.OpcUaFurnaceIo;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.report.RunFacts;
import com.sicfurnace.controller.report.RunHistory;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.RunWatch;
import com.sicfurnace.controller.report.TrendColumns;
import com.sicfurnace.controller.run.CommandRecords;
import com.sicfurnace.controller.run.ControllerRecords;
import com.sicfurnace.controller.run.JournalFeed;
import com.sicfurnace.controller.run.RecoveryAudit;
import com.sicfurnace.controller.run.RunAudit;
import com.sicfurnace.controller.run.RunJournal;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.safety.Interlocks;
import com.sicfurnace.controller.scan.Recovery;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.EventLogger;
import com.sicfurnace.controller.runtime.ScaledClock;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.runtime.ScanMetrics;
import com.sicfurnace.controller.runtime.ScanRunner;
import com.sicfurnace.controller.scan.FurnaceIo;
import com.sicfurnace.controller.scan.ScanCycle;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.RunTelemetry;
import com.sicfurnace.controller.telemetry.TelemetryMetrics;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.metrics.MetricsEndpoint;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.controller.telemetry.metrics.ProcessMetrics;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.iolist.IoList;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller running a furnace in real time (or at the simulator's speed): the core's scan step paced on its
 * own thread against the PLC over OPC UA and the field devices over Modbus, recorded like a virtual run. Commands
 * reach the core through its command queue; what the core did is read from its snapshots and events.
 */
public final class LiveRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
    private static final Duration TELEMETRY_DRAIN = Duration.ofSeconds(10);
    /** Furnace time between journaled checkpoints at most (a change of state or step goes at once). */
    static final Duration JOURNAL_PERIOD = Duration.ofSeconds(1);
    /** The least wall time between two journal writes: at a simulator's speed, once per furnace second is too often. */
    static final Duration JOURNAL_MIN_INTERVAL = Duration.ofMillis(100);
    /** Who starts and stops a run from the command line: the operating-system user. */
    static final Actor OPERATOR = new Actor("cli:" + System.getProperty("user.name", "unknown"), Role.OPERATOR);

    private final FurnaceProfile profile;
    /** The recipe the run follows: replaced only by an operator's load before the start. */
    private volatile Recipe recipe;
    private final FurnaceIo io;
    private final CommandQueue commands = new CommandQueue();
    private final ScanFeed feed = new ScanFeed();
    private final RunRecorder recorder;
    private final RunWatch watch;
    private final ScanRunner runner;
    private final Optional<MetricsEndpoint> metrics;
    private final Optional<ApiServer> api;
    private final RunTelemetry telemetry;
    private final Instant start;
    private final Clock clock;
    private final RunAudit audit;
    private final ControllerRecords controllerRecords;
    private volatile ControllerRecords.RecipeFile recipeFile;
    private final long statusEveryScans;
    private final long wallStartNanos = System.nanoTime();
    private final Optional<RunJournal.Journaled> resumed;
    private RunJournal journal;
    private ScanCycle cycle;
    private long scans;
    private boolean closed;

    private LiveRun(RunConfig config, FurnaceProfile furnaceProfile, Recipe recipe, double statusPeriodS,
                    JournalDecision decision) {
        this.profile = furnaceProfile.atSpeed(config.speed());
        this.recipe = recipe;
        IoList signals = IoList.fromClasspath().forFurnace(profile.furnace());
        Catalogue catalogue = Catalogue.of(signals);
        long periodNanos = Math.round(profile.scanPeriodS() / config.speed() * 1e9);
        this.resumed = decision instanceof JournalDecision.Resume r ? Optional.of(r.journaled()) : Optional.empty();
        this.recipeFile = recipeFile(recipe, config);
        // one furnace tag for metrics, telemetry and the audit trail, so that all of them filter alike
        String furnaceTag = config.metrics().furnace().orElse(profile.furnace());
        Optional<Recovery> recovery = resumed.map(j -> recovery(j, config));
        if (resumed.isPresent()) {
            checkFits(resumed.get(), furnaceTag);
            // the run goes on in its own time: its start and id are the journal's, the clock goes on from the
            // journaled furnace time plus the outage
            this.start = resumed.get().header().runStart();
            Instant now = resumed.get().checkpoint().time().plusNanos(Math.round(recovery.get().outageS() * 1e9));
            this.clock = config.speed() == 1.0 ? Clock.systemUTC() : new ScaledClock(now, config.speed());
        } else {
            refuseToOverwrite(config, decision);
            this.start = Instant.now();
            this.clock = config.speed() == 1.0 ? Clock.systemUTC() : new ScaledClock(start, config.speed());
        }
        String runId = resumed.map(j -> j.header().runId())
                .orElse(furnaceTag + "-" + start.truncatedTo(ChronoUnit.SECONDS));
        this.controllerRecords = new ControllerRecords(OPERATOR.user(), furnaceTag, runId);
        // the trail first: a controller that cannot account for its actions does not touch the furnace
        this.audit = RunAudit.open(config.auditDir(), clock, new CommandRecords(furnaceTag, runId),
                feed.events().reader(true));
        audit.record(controllerRecords.start(clock.instant(), recipeFile, configSummary(config), audit.lastAtOpen()));
        audit.record(controllerRecords.recipeLoad(clock.instant(), recipeFile));
        if (decision instanceof JournalDecision.Discard discard) {
            discardJournal(config, discard, furnaceTag);
        }
        try {
            OpcUaFurnaceIo plc = new OpcUaFurnaceIo(signals, config.opcua());
            ModbusFurnaceIo fieldDevices;
            try {
                fieldDevices = new ModbusFurnaceIo(signals, config.modbus(), periodNanos);
            } catch (RuntimeException e) {
                plc.close();
                throw e;
            }
            this.io = new CompositeFurnaceIo(List.of(plc, fieldDevices));
            this.statusEveryScans = statusPeriodS > 0 ? Math.round(statusPeriodS / profile.scanPeriodS()) : 0;
            this.recorder = new RunRecorder(recipe, TrendColumns.standard(catalogue), 60.0, profile.scanPeriodS(),
                    this::furnaceSecondsAt, feed.events().reader(true), profile.alarms().staleAfterH());
            try {
                this.telemetry = RunTelemetry.startIfConfigured(config.telemetry(), catalogue,
                        new RunTags(furnaceTag, runId, recipe.name()), commands, true);
            } catch (RuntimeException e) {
                io.close();
                throw e;
            }
            feed.listen(new RecipeSwitch(feed.events().reader(true), this::recipeLoaded));
            feed.listen(recorder);
            this.watch = new RunWatch(feed.events().reader(true));
            feed.listen(watch);
            if (telemetry != null) {
                feed.listen(telemetry);
                audit.onHead(head -> telemetry.auditHead(head.seq(), head.hash(), head.entry().time()));
            }
            feed.listen(audit);
            feed.listen(this::logStatus);
            feed.listen(new EventLogger(feed.events().reader(true)));
            ScanMetrics scanMetrics = new ScanMetrics();
            this.cycle = recovery.isPresent()
                    ? ScanCycle.resume(profile, recipe, signals, io, commands, feed, resumed.get().checkpoint(),
                            recovery.get())
                    : new ScanCycle(profile, recipe, signals, io, commands, feed);
            recovery.ifPresent(how -> feed.listen(new RecoveryAudit(audit, feed.events().reader(true), resumed.get(),
                    how, furnaceTag)));
            this.journal = startJournal(config, new RunJournal.Identity(runId, furnaceTag, recipe.name(),
                    recipeFile.file().toString(), recipeFile.sha256(), start, config.speed()));
            feed.listen(new JournalFeed(journal, cycle::checkpoint, JOURNAL_PERIOD));
            this.runner = new ScanRunner(cycle, clock, periodNanos, scanMetrics);
            List<MeterBinder> binders = new ArrayList<>(List.of(scanMetrics, new ProcessMetrics(feed, catalogue),
                    plc.metrics(), fieldDevices.metrics()));
            if (telemetry != null) {
                binders.add(new TelemetryMetrics(telemetry.pipeline()));
            }
            this.metrics = serveMetrics(config.metrics(), furnaceTag, binders);
            this.api = serveApi(config, new ControllerFacts(furnaceTag, profile.furnace(), signals, recipe,
                    recipeFile.file(), recipeFile.sha256(), runId, config.auditDir(),
                    profile.alarms().definitions(), Optional.of(recipeLibrary(config, furnaceProfile)),
                    Optional.of(config.reportDir())));
        } catch (RuntimeException e) {
            audit.record(controllerRecords.stop(clock.instant(), recipeFile, RunState.READY.label(), 0.0,
                    "the start failed: " + e.getMessage()));
            audit.close();
            if (journal != null) {
                journal.close();
            }
            throw e;
        }
    }

    /**
     * The recipes an operator may load before the start: the configured directory, or the started recipe's; the
     * versions the HMI's store sends are kept in the API's directory.
     */
    private static RecipeLibrary recipeLibrary(RunConfig config, FurnaceProfile profile) {
        return new RecipeLibrary(config.api().recipesDir()
                .orElseGet(() -> config.recipe().toAbsolutePath().normalize().getParent()),
                config.api().dir().resolve("received"), profile);
    }

    /** On the scan thread, in the scan the core accepted the load; the run has not started. */
    private void recipeLoaded(LoadedRecipe loaded) {
        recipe = loaded.recipe();
        recipeFile = new ControllerRecords.RecipeFile(loaded.recipe().name(), loaded.file(), loaded.sha256());
        recorder.recipe(loaded.recipe());
        if (telemetry != null) {
            telemetry.recipe(loaded.recipe().name());
        }
        journal.recipe(loaded.recipe().name(), loaded.file().toString(), loaded.sha256());
        api.ifPresent(server -> server.recipeLoaded(loaded));
        LOG.info("recipe={} loaded from {} (sha256 {}); waiting for an operator's start", loaded.recipe().name(),
                loaded.file(), loaded.sha256());
    }

    /** How long the controller was away, and what it may do about it. */
    private static Recovery recovery(RunJournal.Journaled journaled, RunConfig config) {
        double wallOutageS = Math.max(0.0, Duration.between(journaled.header().writtenAt(), Instant.now()).toNanos()
                / 1e9);
        // furnace time: the PLC's hold and ramp-down, and the crystal, run in it; at speed 1 it is wall time
        double outageS = wallOutageS * config.speed();
        return new Recovery(outageS, config.maxOutageS(), Interlocks.RESET_WINDOW_S * Math.max(1.0, config.speed()));
    }

    /** A journal is resumed only with the recipe file and furnace it was written for (the caller checked too). */
    private void checkFits(RunJournal.Journaled journaled, String furnaceTag) {
        if (!journaled.header().recipeSha256().equals(recipeFile.sha256())
                || !journaled.header().furnace().equals(furnaceTag)) {
            throw new IllegalArgumentException("the run journal " + journaled.file() + " is for recipe '"
                    + journaled.header().recipe() + "' (sha256 " + journaled.header().recipeSha256() + ") on "
                    + journaled.header().furnace() + ", not for " + recipeFile.file() + " (sha256 "
                    + recipeFile.sha256() + ") on " + furnaceTag);
        }
    }

    /** A new run never writes over the journal of an unfinished one: that takes a deliberate discard. */
    private static void refuseToOverwrite(RunConfig config, JournalDecision decision) {
        Path file = config.journalDir().resolve(RunJournal.FILE);
        if (decision instanceof JournalDecision.Fresh && Files.exists(file)) {
            throw new IllegalStateException("the run journal " + file + " of an unfinished run is there: resume it, "
                    + "or discard it on purpose");
        }
    }

    private void discardJournal(RunConfig config, JournalDecision.Discard discard, String furnaceTag) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("journal", discard.file().toString());
        discard.journaled().ifPresent(j -> {
            before.put("run_id", j.header().runId());
            before.put("recipe", j.header().recipe());
            before.put("furnace_time", j.header().furnaceTime().toString());
            before.put("state", j.checkpoint().program().state().label());
            before.put("step", j.checkpoint().program().stepIndex() + 1);
            before.put("step_time_s", AuditValues.decimal(j.checkpoint().program().stepTimerS()));
        });
        if (!discard.problem().isEmpty()) {
            before.put("problem", discard.problem());
        }
        try {
            Path keptIn = RunJournal.discard(config.journalDir(), Instant.now());
            audit.record(new AuditEntry(clock.instant(), OPERATOR.user(), OPERATOR.role().label(), "run_journal_discard",
                    discard.reason(), before, Map.of("kept_in", keptIn.toString()), Outcome.DONE,
                    "the journaled run is not taken up; a new run starts", furnaceTag, null));
            LOG.warn("run journal {} discarded ({}); kept in {}", discard.file(), discard.reason(), keptIn);
        } catch (IOException e) {
            audit.close();
            throw new UncheckedIOException("the run journal " + discard.file() + " cannot be moved aside", e);
        }
    }

    private static RunJournal startJournal(RunConfig config, RunJournal.Identity identity) {
        try {
            return RunJournal.start(config.journalDir(), identity, Clock.systemUTC(), JOURNAL_MIN_INTERVAL);
        } catch (IOException e) {
            throw new UncheckedIOException("the run journal cannot be kept in " + config.journalDir(), e);
        }
    }

    private static ControllerRecords.RecipeFile recipeFile(Recipe recipe, RunConfig config) {
        try {
            return ControllerRecords.RecipeFile.read(recipe.name(), config.recipe());
        } catch (IOException e) {
            throw new UncheckedIOException("the recipe " + Cli.shown(config.recipe()) + " cannot be read", e);
        }
    }

    /** What the controller was configured to do, for its start record. */
    private static Map<String, Object> configSummary(RunConfig config) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("speed", AuditValues.decimal(config.speed()));
        summary.put("opcua_endpoint", config.opcua().endpointUrl());
        summary.put("opcua_security", config.opcua().security().name().toLowerCase(Locale.ROOT));
        summary.put("modbus_gateway", config.modbus().host() + ":" + config.modbus().port());
        summary.put("report_dir", config.reportDir().toAbsolutePath().normalize().toString());
        summary.put("audit_dir", config.auditDir().toAbsolutePath().normalize().toString());
        summary.put("telemetry", config.telemetry().map(t -> t.influx().map(InfluxSettings::url)
                .orElse("files in " + t.directory().toAbsolutePath().normalize())).orElse("off"));
        summary.put("metrics", config.metrics().enabled()
                ? config.metrics().bind() + ":" + config.metrics().port() : "off");
        return summary;
    }

    /** The Prometheus endpoint with every part's meters, unless switched off; on failure nothing stays open. */
    private Optional<MetricsEndpoint> serveMetrics(MetricsSettings settings, String furnace,
                                                   List<MeterBinder> binders) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        try {
            MetricsEndpoint endpoint = MetricsEndpoint.start(settings.bind(), settings.port(), furnace);
            endpoint.bind(binders);
            return Optional.of(endpoint);
        } catch (RuntimeException e) {
            io.close();
            if (telemetry != null) {
                telemetry.close(Duration.ZERO);
            }
            throw e;
        }
    }

    /**
     * Opens the audit trail, connects to the furnace and starts the recipe on behalf of the operating-system user;
     * the scans run until {@link #close()}.
     */
    public static LiveRun start(RunConfig config, FurnaceProfile profile, Recipe recipe, double statusPeriodS) {
        return start(config, profile, recipe, statusPeriodS, JournalDecision.fresh());
    }

    /**
     * As {@link #start(RunConfig, FurnaceProfile, Recipe, double)}, with what to do about a run journal: a resumed run
     * goes on from it (no new start), a discarded one is moved aside and audited first.
     */
    public static LiveRun start(RunConfig config, FurnaceProfile profile, Recipe recipe, double statusPeriodS,
                                JournalDecision decision) {
        return start(config, profile, recipe, statusPeriodS, decision, true);
    }

    /**
     * As {@link #start(RunConfig, FurnaceProfile, Recipe, double, JournalDecision)}; with {@code startNow} false a
     * new run waits, scanning, for an operator's start through the northbound API.
     */
    public static LiveRun start(RunConfig config, FurnaceProfile profile, Recipe recipe, double statusPeriodS,
                                JournalDecision decision, boolean startNow) {
        LiveRun run = new LiveRun(config, profile, recipe, statusPeriodS, decision);
        if (run.resumed.isEmpty() && startNow) {
            run.submit(new Command.Start(), OPERATOR, "started from the command line");
        }
        run.runner.start();
        if (run.resumed.isPresent()) {
            LOG.info("recipe={} furnace={} run {} taken up again from {} at speed {}", recipe.name(),
                    profile.furnace(), run.controllerRecords.runId(), run.resumed.get().file(), config.speed());
        } else if (startNow) {
            LOG.info("recipe={} furnace={} started at speed {}", recipe.name(), profile.furnace(), config.speed());
        } else {
            LOG.info("recipe={} furnace={} loaded at speed {}; waiting for an operator's start", recipe.name(),
                    profile.furnace(), config.speed());
        }
        return run;
    }

    /** Whether this run was taken up again from a journal. */
    public boolean resumed() {
        return resumed.isPresent();
    }

    /** The run journal of this run. */
    public RunJournal journal() {
        return journal;
    }

    private double furnaceSecondsAt(ScanSnapshot snapshot) {
        return Duration.between(start, snapshot.time()).toNanos() / 1e9;
    }

    private void logStatus(ScanSnapshot snapshot) {
        if (statusEveryScans > 0 && ++scans % statusEveryScans == 0) {
            LOG.info(StatusLine.of(snapshot, furnaceSecondsAt(snapshot)));
        }
    }

    /** Waits until the recipe ends (complete or aborted) or the wait times out; true if it ended. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (state().finished()) {
                return true;
            }
            if (runner.failure() != null) {
                throw new IllegalStateException("the scan loop stopped: " + runner.failure(), runner.failure());
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Queues a command for the core (hold, resume, abort, reset, acknowledge); its outcome is in the events. */
    public void submit(Command command, Actor actor, String reason) {
        commands.submit(command, actor, reason);
    }

    /** What the core publishes: its latest snapshot and its event stream. */
    public ScanFeed feed() {
        return feed;
    }

    /** The run's state after the last scan; READY before the first. */
    public RunState state() {
        return feed.latest().map(s -> s.run().state()).orElse(RunState.READY);
    }

    /** Why the run is held after the last scan; NONE while it is not (and before the first scan). */
    public HoldReason holdReason() {
        return feed.latest().map(s -> s.run().holdReason()).orElse(HoldReason.NONE);
    }

    /** The alarms active after the last scan. */
    public Set<AlarmId> activeAlarms() {
        return feed.latest().map(ScanSnapshot::activeAlarms).orElse(Set.of());
    }

    /** Furnace time since the start, seconds, at the last scan. */
    public double furnaceSeconds() {
        return feed.latest().map(this::furnaceSecondsAt).orElse(0.0);
    }

    public ScanRunner runner() {
        return runner;
    }

    /** Stops the scans, disconnects, records the stop, and returns the run's summary with the trail's head. */
    public RunSummary finish() {
        close();
        RunState finalState = state();
        return new RunSummary(recipe.name(), profile.furnace(), 0, furnaceSeconds() / 3600.0,
                (System.nanoTime() - wallStartNanos) / 1e9, finalState == RunState.COMPLETE, finalState.label(),
                recorder.stepSummaries(), null, null, recorder.trips().size(), recorder.trips(), recorder.alarms(),
                recorder.alarmKpis(), recorder.events(), List.of(), recorder.tripLatches(),
                recorder.alarmTransitions(), audit.head(), facts());
    }

    /** Which run this is: its id, the recipe file it followed, who started it and when, when it ended. */
    private RunFacts facts() {
        ControllerRecords.RecipeFile file = recipeFile;
        return new RunFacts(controllerRecords.runId(), file.file().getFileName().toString(),
                RunFacts.storeVersion(file.file()), file.sha256(), watch.startedBy().map(Actor::user).orElse(null),
                watch.startedBy().map(a -> a.role().label()).orElse(null),
                watch.startedAt().map(Instant::toString).orElse(null),
                watch.endedAt().map(Instant::toString).orElse(null));
    }

    /**
     * Writes the report of a finished run into the run history under the report directory; a run nobody started
     * (a controller that waited for a start and was stopped) leaves none. Returns the run's report directory.
     */
    public Optional<Path> writeReport(RunSummary summary, Path reportDir) throws IOException {
        if (resumed.isEmpty() && watch.startedAt().isEmpty()) {
            LOG.info("no report: the run was never started");
            return Optional.empty();
        }
        return Optional.of(new RunHistory(reportDir).write(controllerRecords.runId(), summary,
                recorder.columnNames(), recorder.trend()));
    }

    /** Why the controller stops, for its stop record. */
    private String stopDetail() {
        if (runner.failure() != null) {
            return "the scan loop failed: " + runner.failure();
        }
        return state().finished() ? "the recipe ended: " + state().label()
                : "stopped before the recipe ended, at step " + feed.latest().map(s -> s.run().stepNumber()).orElse(0);
    }

    public RunRecorder recorder() {
        return recorder;
    }

    /** The scan loop's timing over this controller's life, for the log (and for benchmarks that read it). */
    private void logScanTiming() {
        org.HdrHistogram.Histogram jitter = runner.jitter();
        if (jitter.getTotalCount() > 0) {
            LOG.info("scan loop: {} scans, start jitter median {} µs, p99 {} µs, max {} µs, {} overruns",
                    runner.scans(), jitter.getValueAtPercentile(50) / 1000, jitter.getValueAtPercentile(99) / 1000,
                    jitter.getMaxValue() / 1000, runner.overruns());
        }
    }

    /** The port the northbound API listens on; empty where it is off. */
    public Optional<Integer> apiPort() {
        return api.map(ApiServer::port);
    }

    /** A run that ended leaves no journal; one stopped before its end leaves its last state for a restart. */
    private void closeJournal() {
        try {
            if (state().finished()) {
                journal.finish();
            } else {
                if (runner.failure() == null) {
                    journal.offer(cycle.checkpoint()); // the scan thread has stopped: the core is this thread's now
                }
                journal.close();
            }
        } catch (IOException e) {
            LOG.error("the run journal {} of a finished run could not be removed; discard it before the next run: {}",
                    journal.file(), e.toString(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            runner.close();
            logScanTiming();
            io.close();
            closeJournal();
            // after the last scan, so that the trail holds every command the core saw; before telemetry closes,
            // so that the final head goes out with it
            audit.record(controllerRecords.stop(clock.instant(), recipeFile, state().label(),
                    furnaceSeconds() / 3600.0, stopDetail()));
            audit.close();
            if (telemetry != null && !telemetry.close(TELEMETRY_DRAIN)) {
                LOG.warn("telemetry not all delivered within {}; the rest stays queued for the next run",
                        TELEMETRY_DRAIN);
            }
            metrics.ifPresent(MetricsEndpoint::close);
            api.ifPresent(ApiServer::close);
        }
    }

    /**
     * The northbound API, where configured; its stream at most once per scan period of wall time, so that a run at a
     * simulator's speed streams no faster than a real one.
     */
    private Optional<ApiServer> serveApi(RunConfig config, ControllerFacts facts) {
        if (!config.api().enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApiServer.start(config.api(), facts, feed, commands, profile.scanPeriodMs()));
        } catch (RuntimeException e) {
            metrics.ifPresent(MetricsEndpoint::close);
            throw e;
        }
    }
}
