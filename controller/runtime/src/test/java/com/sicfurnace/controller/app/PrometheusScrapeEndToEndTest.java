package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.Await;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.controller.telemetry.metrics.PrometheusServer;
import com.sicfurnace.controller.telemetry.metrics.PrometheusServer.Sample;
import com.sicfurnace.simulator.app.SimulatorOptions;
import com.sicfurnace.simulator.app.SimulatorRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes a live run's metrics endpoint (the controller driving the simulator over OPC UA and
 * Modbus), and the values come back through Prometheus's query API with the furnace's label; a Modbus device
 * falling silent shows there as lost, with its timeouts counted.
 */
class PrometheusScrapeEndToEndTest {
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private SimulatorRuntime simulator;
    private LiveRun run;
    private PrometheusServer prometheus;

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (run != null) {
            run.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private int startRun() throws Exception {
        int modbusPort = FreePort.pick();
        simulator = SimulatorRuntime.start(SimulatorOptions.local("6inch", FreePort.pick(), modbusPort,
                dir.resolve("plc")));
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        Recipe recipe = RecipeLoader.load(SMOKE, profile.recipeLimits());
        int metricsPort = FreePort.pick();
        RunConfig config = new RunConfig(SMOKE, dir.resolve("report"), 1.0,
                OpcUaSettings.insecure(simulator.opcuaEndpoint(), dir.resolve("controller"), 100),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 2000, Map.of()),
                new MetricsSettings("127.0.0.1", metricsPort, Optional.of("f07")), dir.resolve("audit"));
        run = LiveRun.start(config, profile, recipe, 0);
        return metricsPort;
    }

    private static boolean single(List<Sample> samples, double value) {
        return samples.size() == 1 && samples.get(0).value() == value;
    }

    @Test
    void prometheusReadsTheLiveRunsMetricsTaggedWithTheFurnace() throws Exception {
        int metricsPort = startRun();
        prometheus = PrometheusServer.start(dir, "127.0.0.1:" + metricsPort);
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "the run running on fresh data");

        Sample gauges = prometheus.awaitQuery("furnace_io_connected{device=\"gauges\"}", s -> single(s, 1.0), WAIT)
                .get(0);
        assertEquals("f07", gauges.labels().get("furnace"), gauges.labels().toString());
        assertEquals("modbus", gauges.labels().get("protocol"));
        assertEquals("controller", gauges.labels().get("job"));
        prometheus.awaitQuery("furnace_io_connected{device=\"plc\",protocol=\"opcua\",furnace=\"f07\"}",
                s -> single(s, 1.0), WAIT);
        prometheus.awaitQuery("furnace_run_state{state=\"running\",furnace=\"f07\"}", s -> single(s, 1.0), WAIT);
        List<Sample> scans = prometheus.query("furnace_scans_total{furnace=\"f07\"}");
        assertTrue(scans.size() == 1 && scans.get(0).value() > 0, "scans counted: " + scans);
        List<Sample> buckets = prometheus.query("furnace_scan_duration_seconds_bucket{furnace=\"f07\",le=\"+Inf\"}");
        assertEquals(1, buckets.size(), "one +Inf bucket: " + buckets);
        assertEquals(scans.get(0).value(), buckets.get(0).value(), scans.get(0).value() * 0.1,
                "the duration histogram counts the scans too: " + buckets);

        simulator.modbusUnit(5, "silent");
        Await.until(() -> run.holdReason() == HoldReason.COMM_LOSS, WAIT,
                "the run held by the lost gauges");
        prometheus.awaitQuery("furnace_io_connected{device=\"gauges\",furnace=\"f07\"}", s -> single(s, 0.0), WAIT);
        prometheus.awaitQuery("furnace_io_errors_total{device=\"gauges\",kind=\"timeout\",furnace=\"f07\"}",
                s -> s.size() == 1 && s.get(0).value() >= 1, WAIT);
        prometheus.awaitQuery("furnace_alarms_active{priority=\"high\",furnace=\"f07\"}",
                s -> s.size() == 1 && s.get(0).value() >= 1, WAIT);
    }
}
