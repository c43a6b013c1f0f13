package com.sicfurnace.controller.app;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.io.CompositeFurnaceIo;
import com.sicfurnace.controller.io.FurnaceIo;
import com.sicfurnace.controller.io.modbus.ModbusFurnaceIo;
import com.sicfurnace.controller.io.opcua.OpcUaFurnaceIo;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.TrendColumns;
import com.sicfurnace.controller.runtime.ScaledClock;
import com.sicfurnace.controller.runtime.ScanMetrics;
import com.sicfurnace.controller.runtime.ScanRunner;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.RunTelemetry;
import com.sicfurnace.controller.telemetry.ScanView;
import com.sicfurnace.controller.telemetry.TelemetryMetrics;
import com.sicfurnace.controller.telemetry.metrics.MetricsEndpoint;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.controller.telemetry.metrics.ProcessMetrics;
import com.sicfurnace.iolist.IoList;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller running a furnace in real time (or at the simulator's speed): the scan cycle on its own thread
 * against the PLC over OPC UA and the field devices over Modbus, recorded like a virtual run.
 */
public final class LiveRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
    private static final Duration TELEMETRY_DRAIN = Duration.ofSeconds(10);

    private final FurnaceProfile profile;
    private final Recipe recipe;
    private final FurnaceIo io;
    private final FurnaceController controller;
    private final RunRecorder recorder;
    private final ScanRunner runner;
    private final Optional<MetricsEndpoint> metrics;
    private final RunTelemetry telemetry;
    private final ScanView scanView;
    private final Instant start;
    private final long statusEveryScans;
    private final long wallStartNanos = System.nanoTime();
    private volatile Programmer.State state = Programmer.State.READY;
    private volatile Programmer.HoldReason holdReason = Programmer.HoldReason.NONE;
    private volatile Set<AlarmId> activeAlarms = Set.of();
    private volatile double furnaceS;
    private long scans;
    private boolean closed;

    private LiveRun(RunConfig config, FurnaceProfile furnaceProfile, Recipe recipe, double statusPeriodS) {
        this.profile = furnaceProfile.atSpeed(config.speed());
        this.recipe = recipe;
        IoList signals = IoList.fromClasspath().forFurnace(profile.furnace());
        long periodNanos = Math.round(profile.scanPeriodS() / config.speed() * 1e9);
        OpcUaFurnaceIo plc = new OpcUaFurnaceIo(signals, config.opcua());
        ModbusFurnaceIo fieldDevices;
        try {
            fieldDevices = new ModbusFurnaceIo(signals, config.modbus(), periodNanos);
        } catch (RuntimeException e) {
            plc.close();
            throw e;
        }
        this.io = new CompositeFurnaceIo(List.of(plc, fieldDevices));
        ProcessImage in = new ProcessImage(signals);
        OutputImage out = new OutputImage();
        this.controller = new FurnaceController(profile, recipe);
        this.recorder = new RunRecorder(recipe, TrendColumns.standard(profile, in, out, controller), 60.0);
        this.start = Instant.now();
        Clock clock = config.speed() == 1.0 ? Clock.systemUTC() : new ScaledClock(start, config.speed());
        this.statusEveryScans = statusPeriodS > 0 ? Math.round(statusPeriodS / profile.scanPeriodS()) : 0;
        this.scanView = new ScanView(in, out, controller);
        // one furnace tag for metrics and telemetry, so that dashboards of both filter alike
        String furnaceTag = config.metrics().furnace().orElse(profile.furnace());
        String runId = furnaceTag + "-" + start.truncatedTo(ChronoUnit.SECONDS);
        try {
            this.telemetry = RunTelemetry.startIfConfigured(config.telemetry(), signals,
                    new RunTags(furnaceTag, runId, recipe.name()), true);
        } catch (RuntimeException e) {
            io.close();
            throw e;
        }
        ScanMetrics scanMetrics = new ScanMetrics();
        ProcessMetrics processMetrics = new ProcessMetrics();
        this.runner = new ScanRunner(controller, io, in, out, clock, periodNanos, (c, i, o, t) -> {
            afterScan(c, i, o, t);
            processMetrics.afterScan(c, i, o, t);
        }, scanMetrics);
        List<MeterBinder> binders = new ArrayList<>(List.of(scanMetrics, processMetrics, plc.metrics(),
                fieldDevices.metrics()));
        if (telemetry != null) {
            binders.add(new TelemetryMetrics(telemetry.pipeline()));
        }
        this.metrics = serveMetrics(config.metrics(), furnaceTag, binders);
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

    /** Connects to the furnace and starts the recipe; the scans run until {@link #close()}. */
    public static LiveRun start(RunConfig config, FurnaceProfile profile, Recipe recipe, double statusPeriodS) {
        LiveRun run = new LiveRun(config, profile, recipe, statusPeriodS);
        run.runner.submit(FurnaceController::start);
        run.runner.start();
        LOG.info("recipe={} furnace={} started at speed {}", recipe.name(), profile.furnace(), config.speed());
        return run;
    }

    private void afterScan(FurnaceController c, ProcessImage in, OutputImage out, Instant now) {
        furnaceS = Duration.between(start, now).toNanos() / 1e9;
        recorder.onScan(c, profile.scanPeriodS(), furnaceS);
        if (telemetry != null) {
            telemetry.afterScan(scanView, now);
        }
        state = c.programmer().state();
        holdReason = c.programmer().holdReason();
        activeAlarms = c.activeAlarms();
        if (statusEveryScans > 0 && ++scans % statusEveryScans == 0) {
            LOG.info(String.format(Locale.ROOT, "t=%.2f h step %d %s | seed %.1f/%.1f °C | %.3g mbar | %.2f kW",
                    furnaceS / 3600.0, c.programmer().stepIndex() + 1, state.name().toLowerCase(),
                    in.value(Signal.PYRO_TOP_C), c.state().seedSetpointC(), c.state().pressureMbar(),
                    c.state().powerKw()));
        }
    }

    /** Waits until the recipe ends (complete or aborted) or the wait times out; true if it ended. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (state == Programmer.State.COMPLETE || state == Programmer.State.ABORTED) {
                return true;
            }
            if (runner.failure() != null) {
                throw new IllegalStateException("the scan loop stopped: " + runner.failure(), runner.failure());
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Queues an operator command (hold, resume, abort, reset) for the scan thread. */
    public void command(Consumer<FurnaceController> command) {
        runner.submit(command);
    }

    public Programmer.State state() {
        return state;
    }

    public Programmer.HoldReason holdReason() {
        return holdReason;
    }

    /** The alarms active after the last scan. */
    public Set<AlarmId> activeAlarms() {
        return activeAlarms;
    }

    public double furnaceSeconds() {
        return furnaceS;
    }

    public ScanRunner runner() {
        return runner;
    }

    /** Stops the scans, disconnects, and returns the run's summary. */
    public RunSummary finish() {
        close();
        return new RunSummary(recipe.name(), profile.furnace(), 0, furnaceS / 3600.0,
                (System.nanoTime() - wallStartNanos) / 1e9, state == Programmer.State.COMPLETE,
                state.name().toLowerCase(), recorder.stepSummaries(), null, null, recorder.trips().size(),
                recorder.trips(), recorder.alarms(), recorder.events());
    }

    public RunRecorder recorder() {
        return recorder;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            runner.close();
            io.close();
            if (telemetry != null && !telemetry.close(TELEMETRY_DRAIN)) {
                LOG.warn("telemetry not all delivered within {}; the rest stays queued for the next run",
                        TELEMETRY_DRAIN);
            }
            metrics.ifPresent(MetricsEndpoint::close);
        }
    }
}
