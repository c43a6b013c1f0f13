package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.app.LiveRun;
import com.sicfurnace.controller.app.RunConfig;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.runtime.ScanRunner;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Scan-period jitter of the real-time scan loop at 10 Hz with real I/O: the controller runs the smoke recipe in
 * real time against a simulator in another process (started by scripts/benchmark-field-io), the PLC over OPC UA
 * and the devices over Modbus TCP, for the given minutes; then prints the start-time jitter of every scan against
 * its deadline, the scans' durations and the overruns. {@code deployed} (the default) runs it as scripts/start
 * does, with telemetry (disk queue, local line-protocol files, every scan) and the metrics endpoint; {@code bare}
 * without either, to see what they cost.
 * Usage: ScanJitterBenchmark OPCUA_PORT MODBUS_PORT [MINUTES] [deployed|bare]
 */
public final class ScanJitterBenchmark {
    private ScanJitterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int opcuaPort = Integer.parseInt(args[0]);
        int modbusPort = Integer.parseInt(args[1]);
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        boolean deployed = args.length < 4 || args[3].equals("deployed");
        Path work = Files.createTempDirectory("scan-jitter");
        Path recipeFile = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        Recipe recipe = RecipeLoader.load(recipeFile, profile.recipeLimits());
        RunConfig config = new RunConfig(recipeFile, work.resolve("report"), 1.0,
                OpcUaSettings.insecure("opc.tcp://127.0.0.1:" + opcuaPort + "/plc", work.resolve("pki"),
                        profile.scanPeriodS() * 1000),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 5000, Map.of()),
                deployed ? new MetricsSettings(MetricsSettings.DEFAULT_BIND, FreePort.pick(), Optional.empty())
                        : MetricsSettings.OFF,
                deployed ? Optional.of(TelemetrySettings.local(work.resolve("telemetry"))) : Optional.empty(),
                work.resolve("audit"));
        try (LiveRun run = LiveRun.start(config, profile, recipe, 60)) {
            Thread.sleep(Duration.ofSeconds(Math.round(minutes * 60)).toMillis());
            ScanRunner runner = run.runner();
            Histogram jitter = runner.jitter();
            Histogram durations = runner.durations();
            System.out.printf(Locale.ROOT, "scan loop at %.0f Hz with OPC UA + Modbus I/O, %s, for %.1f min: %d "
                            + "scans, %d overruns; recipe %s, alarms %s%n", 1 / profile.scanPeriodS(),
                    deployed ? "telemetry and metrics on" : "telemetry and metrics off", minutes,
                    runner.scans(), runner.overruns(), run.state(), run.activeAlarms());
            System.out.println("  start jitter   " + Paced.micros(jitter));
            System.out.println("  scan duration  " + Paced.micros(durations));
        }
    }
}
