package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.app.LiveRun;
import com.sicfurnace.controller.app.ProfileLoader;
import com.sicfurnace.controller.app.RunConfig;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.RecipeLoader;
import com.sicfurnace.controller.runtime.ScanRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Scan-period jitter of the real-time scan loop at 10 Hz with real I/O: the controller runs the smoke recipe in
 * real time against a simulator in another process (started by scripts/benchmark-field-io), the PLC over OPC UA
 * and the devices over Modbus TCP, for the given minutes; then prints the start-time jitter of every scan against
 * its deadline, the scans' durations and the overruns.
 * Usage: ScanJitterBenchmark OPCUA_PORT MODBUS_PORT [MINUTES]
 */
public final class ScanJitterBenchmark {
    private ScanJitterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int opcuaPort = Integer.parseInt(args[0]);
        int modbusPort = Integer.parseInt(args[1]);
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        Path work = Files.createTempDirectory("scan-jitter");
        Path recipeFile = Path.of("..", "docs", "recipes", "smoke.yaml");
        FurnaceProfile profile = ProfileLoader.shipped("6inch");
        Recipe recipe = RecipeLoader.load(recipeFile, profile.recipeLimits());
        RunConfig config = new RunConfig(recipeFile, work.resolve("report"), 1.0,
                OpcUaSettings.insecure("opc.tcp://127.0.0.1:" + opcuaPort + "/plc", work.resolve("pki"),
                        profile.scanPeriodS() * 1000),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 5000, Map.of()));
        try (LiveRun run = LiveRun.start(config, profile, recipe, 60)) {
            Thread.sleep(Duration.ofSeconds(Math.round(minutes * 60)).toMillis());
            ScanRunner runner = run.runner();
            Histogram jitter = runner.jitter();
            Histogram durations = runner.durations();
            System.out.printf(Locale.ROOT, "scan loop at %.0f Hz with OPC UA + Modbus I/O for %.1f min: %d scans, "
                            + "%d overruns; recipe %s, alarms %s%n", 1 / profile.scanPeriodS(), minutes,
                    runner.scans(), runner.overruns(), run.state(), run.activeAlarms());
            System.out.println("  start jitter   " + Paced.micros(jitter));
            System.out.println("  scan duration  " + Paced.micros(durations));
        }
    }
}
