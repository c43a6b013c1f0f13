package com.sicfurnace.controller.app;

import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.recipe.RecipeException;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunRecorder;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.StepSummary;
import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The controller's command line. */
@Command(name = "controller", mixinStandardHelpOptions = true,
        subcommands = {Main.VirtualRunCommand.class, Main.SimulateCommand.class, Main.RunCommand.class},
        description = "Control software for SiC PVT growth furnaces.")
public final class Main {
    /** Exit codes: 0 the run completed, 1 it did not, 2 the input was invalid. */
    static final int NOT_COMPLETED = 1;
    static final int INVALID_INPUT = 2;
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    private Main() {
    }

    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        // Ctrl-C: let the run end its loop and write its report, then let the JVM go down
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            main.interrupt();
            try {
                main.join(SHUTDOWN_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
        int exit = commandLine().execute(args);
        if (!stopping.get()) {
            System.exit(exit);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    static void printSummary(PrintWriter out, RunSummary s, Path reportDir) {
        out.printf(Locale.ROOT, "%s on %s: %s after %.1f furnace hours in %.1f s; boule %s mm; %d interlock trips, "
                        + "%d alarms%n", s.recipe(), s.furnace(), s.finalState(), s.furnaceHours(), s.wallSeconds(),
                s.bouleLengthMm() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.bouleLengthMm()),
                s.interlockTrips(), s.alarms().size());
        for (StepSummary step : s.steps()) {
            out.printf(Locale.ROOT, "  %-18s %-10s %7.2f h  seed p99 %s K  pressure p99 %s %%  holdback %.2f h%n",
                    step.name(), step.type(), step.durationH(), figure(step.temperatureErrorP99K()),
                    figure(step.pressureErrorP99Pct()), step.holdbackHours());
        }
        out.println("report: " + reportDir.resolve(ReportFiles.SUMMARY) + ", " + reportDir.resolve(ReportFiles.TREND));
    }

    private static String figure(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    @Command(name = "virtual-run", mixinStandardHelpOptions = true,
            description = "Run a recipe to its end against the simulator in virtual time and write "
                    + "REPORT_DIR/summary.json and REPORT_DIR/trend.csv (1-minute resolution).")
    static class VirtualRunCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RECIPE", description = "recipe file (YAML)")
        Path recipeFile;

        @Parameters(index = "1", paramLabel = "REPORT_DIR", description = "directory for the report")
        Path reportDir;

        @Option(names = "--seed", description = "random seed of the furnace model (default ${DEFAULT-VALUE})")
        long seed = VirtualRun.Options.defaults().seed();

        @Option(names = "--max-hours", description = "stop after this much furnace time (default ${DEFAULT-VALUE})")
        double maxHours = VirtualRun.Options.defaults().maxHours();

        @Option(names = "--start", description = "virtual start time, ISO-8601 (default ${DEFAULT-VALUE})")
        Instant start = VirtualRun.Options.defaults().start();

        @Option(names = "--telemetry-dir", description = "record telemetry: the disk queue, and line-protocol files "
                + "when no database is set (INFLUX_URL, INFLUX_TOKEN, INFLUX_ORG, INFLUX_BUCKET); with INFLUX_URL set "
                + "the default is var/telemetry")
        Path telemetryDir;

        @Option(names = "--telemetry-period-s", description = "furnace seconds between telemetry values "
                + "(default ${DEFAULT-VALUE}; states go out on change)")
        double telemetryPeriodS = 10.0;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Telemetry when asked for by --telemetry-dir or INFLUX_URL, timestamped in furnace time. */
        Optional<TelemetrySettings> telemetry(Map<String, String> environment) {
            Optional<InfluxSettings> influx = InfluxSettings.resolve(Optional.empty(), environment);
            if (telemetryDir == null && influx.isEmpty()) {
                return Optional.empty();
            }
            Path dir = telemetryDir != null ? telemetryDir : Path.of("var", "telemetry");
            return Optional.of(TelemetrySettings.local(dir).withInflux(influx)
                    .withDecimation(new Decimation(telemetryPeriodS, 600.0, Map.of())));
        }

        /** Furnace seconds per wall second; 0 runs unpaced. */
        double speed() {
            return 0.0;
        }

        double statusPeriodS() {
            return 0.0;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            RecipeFiles.Loaded loaded = load(recipeFile, err);
            if (loaded == null) {
                return INVALID_INPUT;
            }
            VirtualRun.Options options = new VirtualRun.Options(seed, maxHours, start,
                    VirtualRun.Options.defaults().trendPeriodS(), speed(), statusPeriodS(), Optional.empty());
            Optional<TelemetrySettings> telemetry;
            try {
                telemetry = telemetry(System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("telemetry: " + e.getMessage());
                return INVALID_INPUT;
            }
            if (telemetry.isPresent()) {
                options = options.withTelemetry(telemetry.get());
            }
            VirtualRun.Result result = VirtualRun.execute(loaded.recipe(), loaded.profile(),
                    FurnaceConfigs.shipped(loaded.profile().furnace()), options);
            Files.createDirectories(reportDir);
            ReportFiles.write(reportDir, result.summary(), result.recorder().columnNames(), result.recorder().trend());
            printSummary(spec.commandLine().getOut(), result.summary(), reportDir);
            return result.summary().completed() ? 0 : NOT_COMPLETED;
        }
    }

    /** Loads a recipe with its furnace profile, or says on {@code err} why not and returns null. */
    static RecipeFiles.Loaded load(Path recipeFile, PrintWriter err) throws IOException {
        try {
            return RecipeFiles.load(recipeFile);
        } catch (NoSuchFileException e) {
            err.println("recipe file not found: " + recipeFile);
        } catch (RecipeException e) {
            err.println("recipe " + recipeFile + " cannot run:");
            err.println(e.getMessage());
        }
        return null;
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Run a recipe against the simulator in furnace time paced by the wall clock (speeded up "
                    + "by --speed), logging the furnace's state; Ctrl-C stops. Writes the same report at the end.")
    static final class SimulateCommand extends VirtualRunCommand {
        @Option(names = "--speed", description = "furnace seconds per wall second (default ${DEFAULT-VALUE})")
        double speed = 60.0;

        @Option(names = "--status-every", description = "furnace seconds between status lines "
                + "(default ${DEFAULT-VALUE})")
        double statusEvery = 600.0;

        @Override
        double speed() {
            if (!(speed > 0)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be positive, not " + speed);
            }
            return speed;
        }

        @Override
        double statusPeriodS() {
            return statusEvery;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a furnace (real or simulated) over OPC UA and Modbus TCP as the configuration file "
                    + "says, until the recipe ends or Ctrl-C; then write the report.")
    static final class RunCommand implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "run configuration (YAML)")
        Path configFile;

        @Option(names = "--recipe", description = "recipe instead of the configuration's")
        Path recipe;

        @Option(names = "--report-dir", description = "report directory instead of the configuration's")
        Path reportDir;

        @Option(names = "--speed", description = "furnace seconds per wall second instead of the configuration's")
        Double speed;

        @Option(names = "--status-every", description = "furnace seconds between status lines "
                + "(default ${DEFAULT-VALUE})")
        double statusEvery = 600.0;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            RunConfig config;
            FurnaceProfile profile;
            RecipeFiles.Loaded loaded;
            try {
                RunConfig.Overrides overrides = new RunConfig.Overrides(Optional.ofNullable(recipe),
                        Optional.ofNullable(reportDir), Optional.ofNullable(speed));
                RunConfig peek = RunConfig.load(configFile, 0.1, System.getenv(), overrides);
                loaded = load(peek.recipe(), err);
                if (loaded == null) {
                    return INVALID_INPUT;
                }
                profile = loaded.profile();
                config = RunConfig.load(configFile, profile.scanPeriodS(), System.getenv(), overrides);
            } catch (IllegalArgumentException | NoSuchFileException e) {
                err.println("configuration " + configFile + ": " + e.getMessage());
                return INVALID_INPUT;
            }
            RunSummary summary;
            RunRecorder recorder;
            try (LiveRun run = LiveRun.start(config, profile, loaded.recipe(), statusEvery)) {
                recorder = run.recorder();
                try {
                    while (!run.awaitEnd(Duration.ofSeconds(1))) {
                        // keeps waiting until the recipe ends; Ctrl-C interrupts
                    }
                } catch (InterruptedException e) {
                    err.println("stopping on request at furnace time "
                            + String.format(Locale.ROOT, "%.2f h", run.furnaceSeconds() / 3600));
                }
                summary = run.finish();
            }
            Thread.interrupted(); // acted upon above; the report must still be written
            ReportFiles.write(config.reportDir(), summary, recorder.columnNames(), recorder.trend());
            printSummary(spec.commandLine().getOut(), summary, config.reportDir());
            return summary.completed() ? 0 : NOT_COMPLETED;
        }
    }
}
