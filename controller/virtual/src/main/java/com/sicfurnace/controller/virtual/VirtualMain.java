package com.sicfurnace.controller.virtual;

import com.sicfurnace.controller.app.Cli;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.run.RunAudit;
import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of runs against the in-process simulator: in virtual time, or paced by the wall clock. */
@Command(name = "controller-virtual", mixinStandardHelpOptions = true,
        subcommands = {VirtualMain.VirtualRunCommand.class, VirtualMain.SimulateCommand.class},
        description = "Run SiC PVT growth recipes against the simulated furnace, in virtual time or paced.")
public final class VirtualMain {
    private VirtualMain() {
    }

    public static void main(String[] args) {
        Cli.main(commandLine(), args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new VirtualMain());
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

        @Option(names = "--faults", paramLabel = "FILE", description = "fault script (the simulator's format: a YAML "
                + "list of fault objects, each with at_s, furnace seconds from the start), applied in virtual time")
        Path faultsFile;

        @Option(names = "--telemetry-dir", description = "record telemetry: the disk queue, and line-protocol files "
                + "when no database is set (INFLUX_URL, INFLUX_TOKEN, INFLUX_ORG, INFLUX_BUCKET); with INFLUX_URL set "
                + "the default is var/telemetry")
        Path telemetryDir;

        @Option(names = "--audit-dir", description = "record the run's actions in an audit trail in this "
                + "directory (none by default: simulated actions do not belong in a furnace's trail)")
        Path auditDir;

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
            RecipeFiles.Loaded loaded = Cli.loadRecipe(recipeFile, err);
            if (loaded == null) {
                return Cli.INVALID_INPUT;
            }
            VirtualRun.Options options = new VirtualRun.Options(seed, maxHours, start,
                    VirtualRun.Options.defaults().trendPeriodS(), speed(), statusPeriodS(), Optional.empty(),
                    Optional.empty(), List.of(), List.of(), 0.0);
            if (faultsFile != null) {
                try {
                    options = options.withFaults(FaultScenario.load(faultsFile, loaded.profile().furnace()));
                } catch (NoSuchFileException e) {
                    err.println("fault script " + Cli.shown(faultsFile) + ": no such file");
                    return Cli.INVALID_INPUT;
                } catch (IOException e) {
                    err.println("fault script " + Cli.shown(faultsFile) + " cannot be read: " + e);
                    return Cli.INVALID_INPUT;
                } catch (IllegalArgumentException e) {
                    err.println("fault script cannot run: " + e.getMessage());
                    return Cli.INVALID_INPUT;
                }
            }
            Optional<TelemetrySettings> telemetry;
            try {
                telemetry = telemetry(System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("telemetry: " + e.getMessage());
                return Cli.INVALID_INPUT;
            }
            if (telemetry.isPresent()) {
                options = options.withTelemetry(telemetry.get());
            }
            if (auditDir != null) {
                options = options.withAudit(new VirtualRun.Audit(auditDir, recipeFile));
            }
            VirtualRun.Result result;
            try {
                result = VirtualRun.execute(loaded.recipe(), loaded.profile(),
                        FurnaceConfigs.shipped(loaded.profile().furnace()), options);
            } catch (RunAudit.Unavailable e) {
                err.println("not started: " + e.getMessage());
                return Cli.INVALID_INPUT;
            }
            Files.createDirectories(reportDir);
            ReportFiles.write(reportDir, result.summary(), result.recorder().columnNames(), result.recorder().trend());
            Cli.printSummary(spec.commandLine().getOut(), result.summary(), reportDir);
            return result.summary().completed() ? 0 : Cli.NOT_COMPLETED;
        }
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
}
