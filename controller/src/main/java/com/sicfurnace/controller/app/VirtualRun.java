package com.sicfurnace.controller.app;

import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.io.inprocess.InProcessFurnaceIo;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.loop.VirtualClock;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.TrendColumn;
import com.sicfurnace.controller.report.TrendColumns;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.RunTelemetry;
import com.sicfurnace.controller.telemetry.ScanView;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.model.FurnaceConfig;
import com.sicfurnace.simulator.model.FurnaceModel;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
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
 * Runs a recipe against the simulator: controller and furnace model in one thread, furnace time moved one scan
 * period per scan. Unpaced it runs as fast as the machine allows (virtual time); paced it keeps furnace time at
 * {@code speed} times the wall clock. Without an operator a held run cannot resume, so a hold ends the run
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
                          double statusPeriodS, Optional<TelemetrySettings> telemetry) {
        public static Options defaults() {
            return new Options(1L, 400.0, Instant.parse("2026-01-05T06:00:00Z"), 60.0, 0.0, 0.0, Optional.empty());
        }

        public Options paced(double newSpeed, double newStatusPeriodS) {
            return new Options(seed, maxHours, start, trendPeriodS, newSpeed, newStatusPeriodS, telemetry);
        }

        /** Records the run's telemetry, timestamped with furnace (virtual) time. */
        public Options withTelemetry(TelemetrySettings settings) {
            return new Options(seed, maxHours, start, trendPeriodS, speed, statusPeriodS, Optional.of(settings));
        }
    }

    /** The summary and the trend of a finished run. */
    public record Result(RunSummary summary, RunRecorder recorder) {
    }

    private VirtualRun() {
    }

    public static Result execute(Recipe recipe, FurnaceProfile profile, FurnaceConfig physics, Options options) {
        SimulatedFurnace furnace = new SimulatedFurnace(physics, options.seed(), profile.scanPeriodS());
        IoList signals = IoList.fromClasspath().forFurnace(profile.furnace());
        ProcessImage in = new ProcessImage(signals);
        OutputImage out = new OutputImage();
        FurnaceController controller = new FurnaceController(profile, recipe);
        List<TrendColumn> columns = new ArrayList<>(TrendColumns.standard(profile, in, out, controller));
        FurnaceModel model = furnace.model();
        columns.add(new TrendColumn("model_boule_length_mm", model::bouleLengthMm));
        columns.add(new TrendColumn("model_growth_rate_mm_per_h", model::growthRateMmPerH));
        columns.add(new TrendColumn("model_source_mass_kg", model::sourceMassKg));
        RunRecorder recorder = new RunRecorder(recipe, columns, options.trendPeriodS());
        VirtualClock clock = new VirtualClock(options.start());
        Duration period = Duration.ofMillis(profile.scanPeriodMs());
        double periodS = profile.scanPeriodS();
        long maxScans = Math.round(options.maxHours() * 3600.0 / periodS);
        long wallStart = System.nanoTime();
        long statusEvery = options.statusPeriodS() > 0 ? Math.round(options.statusPeriodS() / periodS) : 0;
        try (InProcessFurnaceIo io = new InProcessFurnaceIo(furnace);
             RunTelemetry telemetry = RunTelemetry.startIfConfigured(options.telemetry(), signals,
                     new RunTags(profile.furnace(), runId(profile), recipe.name()), false)) {
            ScanView view = new ScanView(in, out, controller);
            controller.start();
            long scan = 0;
            while (scan < maxScans && !ended(controller.programmer()) && !Thread.currentThread().isInterrupted()) {
                Instant now = clock.instant();
                io.readInputs(in);
                controller.scan(in, out, now);
                io.writeOutputs(out);
                recorder.onScan(controller, periodS, scan * periodS);
                if (telemetry != null) {
                    telemetry.afterScan(view, now);
                }
                furnace.advance(periodS);
                clock.advance(period);
                scan++;
                if (statusEvery > 0 && scan % statusEvery == 0) {
                    LOG.info(status(controller, in, scan * periodS));
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
            RunSummary summary = summarise(recipe, profile, options, controller, recorder, furnace.model(),
                    scan * periodS / 3600.0, wallSeconds, stopped);
            LOG.info("recipe={} furnace={} furnace_hours={} wall_seconds={} completed={} final_state={}",
                    recipe.name(), profile.furnace(), String.format("%.2f", summary.furnaceHours()),
                    String.format("%.2f", wallSeconds), summary.completed(), summary.finalState());
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

    private static String status(FurnaceController controller, ProcessImage in, double furnaceS) {
        Programmer p = controller.programmer();
        return String.format(Locale.ROOT,
                "t=%.2f h step %d '%s' %s | seed %.1f/%.1f °C source %.1f/%.1f °C | %.3g mbar (sp %.3g) | %.2f kW",
                furnaceS / 3600.0, p.stepIndex() + 1, p.step() == null ? "" : p.step().name(),
                p.state().name().toLowerCase(), in.value(Signal.PYRO_TOP_C), controller.state().seedSetpointC(),
                in.value(Signal.PYRO_BOTTOM_C), controller.state().sourceSetpointC(), controller.state().pressureMbar(),
                controller.state().pressureSetpointMbar(), controller.state().powerKw());
    }

    private static boolean ended(Programmer programmer) {
        return programmer.finished() || programmer.state() == Programmer.State.HELD;
    }

    private static RunSummary summarise(Recipe recipe, FurnaceProfile profile, Options options,
                                        FurnaceController controller, RunRecorder recorder, FurnaceModel model,
                                        double furnaceHours, double wallSeconds, boolean stopped) {
        Programmer programmer = controller.programmer();
        double initialSourceKg = model.config().thermal().nodes().stream()
                .filter(n -> n.name().equals(model.config().growth().sourceNode())).findFirst().orElseThrow()
                .massKg();
        return new RunSummary(recipe.name(), profile.furnace(), options.seed(), furnaceHours, wallSeconds,
                programmer.state() == Programmer.State.COMPLETE,
                stopped ? "stopped" : programmer.state().name().toLowerCase(),
                recorder.stepSummaries(), model.bouleLengthMm(), initialSourceKg - model.sourceMassKg(),
                recorder.trips().size(), recorder.trips(), recorder.alarms(), recorder.events());
    }

}
