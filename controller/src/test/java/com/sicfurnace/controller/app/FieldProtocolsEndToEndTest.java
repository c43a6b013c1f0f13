package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.RecipeLoader;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.StepSummary;
import com.sicfurnace.simulator.app.SimulatorOptions;
import com.sicfurnace.simulator.app.SimulatorRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller driving the simulator over real sockets: the PLC over OPC UA, the field devices over Modbus TCP.
 * The smoke recipe end to end, sped up, judged like the virtual run; and the communication faults of the issue
 * in real time: the PLC's server stopped and started again, a Modbus device falling silent and answering again.
 */
class FieldProtocolsEndToEndTest {
    private static final Path SMOKE = Path.of("..", "docs", "recipes", "smoke.yaml");
    private static final long SCAN_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(FieldProtocolsEndToEndTest.class);

    @TempDir
    Path dir;
    private SimulatorRuntime simulator;
    private LiveRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(double speed) throws Exception {
        int opcuaPort = FreePort.pick();
        int modbusPort = FreePort.pick();
        simulator = SimulatorRuntime.start(SimulatorOptions.local("6inch", opcuaPort, modbusPort, dir.resolve("plc"))
                .withSpeed(speed));
        FurnaceProfile profile = ProfileLoader.shipped("6inch");
        Recipe recipe = RecipeLoader.load(SMOKE, profile.recipeLimits());
        double periodMs = SCAN_MS / speed;
        RunConfig config = new RunConfig(SMOKE, dir.resolve("report"), speed,
                OpcUaSettings.insecure(simulator.opcuaEndpoint(), dir.resolve("controller"), Math.max(1.0, periodMs)),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 2000, Map.of()));
        run = LiveRun.start(config, profile, recipe, 0);
    }

    /** Waits for a condition, returning how long it took, milliseconds; fails after the timeout. */
    private static long await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeoutMs * 1_000_000L) {
                throw new AssertionError("not within " + timeoutMs + " ms: " + what);
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000L;
    }

    @Test
    void smokeRecipeOverOpcUaAndModbusMeetsTheVirtualRunsCriteria() throws Exception {
        start(300);
        assertTrue(run.awaitEnd(Duration.ofMinutes(6)), "the smoke recipe ends; state " + run.state());
        RunSummary summary = run.finish();
        assertTrue(summary.completed(), summary.finalState());
        assertEquals(0, summary.interlockTrips(), "trips " + summary.trips());
        StepSummary soak = summary.steps().stream().filter(s -> s.name().equals("soak")).findFirst().orElseThrow();
        assertTrue(soak.temperatureErrorP99K() <= 1.0, "soak seed p99 " + soak.temperatureErrorP99K() + " K");
        assertTrue(soak.pressureErrorP99Pct() <= 2.0, "soak pressure p99 " + soak.pressureErrorP99Pct() + " %");
        LOG.info("smoke over OPC UA + Modbus: {} furnace hours in {} s; soak seed p99 {} K, pressure p99 {} %",
                String.format("%.2f", summary.furnaceHours()), String.format("%.1f", summary.wallSeconds()),
                soak.temperatureErrorP99K(), soak.pressureErrorP99Pct());
    }

    @Test
    void plcServerStoppedThenBackSafeStateWithinThreeScansThenRecoveredWithinFiveSeconds() throws Exception {
        start(1);
        await(() -> run.state() == Programmer.State.RUNNING, 15_000, "running on fresh data");
        simulator.opcua("stop");
        long toSafeState = await(() -> run.holdReason() == Programmer.HoldReason.COMM_LOSS
                && run.activeAlarms().contains(AlarmId.COMM_LOSS_PLC), 2_000, "safe state and alarm");
        assertTrue(toSafeState <= 3 * SCAN_MS + 150, "safe state after " + toSafeState + " ms");
        simulator.opcua("start");
        long toRecovered = await(() -> run.state() == Programmer.State.RUNNING
                && !run.activeAlarms().contains(AlarmId.COMM_LOSS_PLC), 10_000, "reconnected and resumed");
        assertTrue(toRecovered <= 5_000, "reconnected, subscription restored and resumed after " + toRecovered + " ms");
        LOG.info("PLC server stop: safe state after {} ms; restart: resumed after {} ms", toSafeState, toRecovered);
    }

    @Test
    void silentModbusDeviceSafeStateThenRecoveredWithinFiveSeconds() throws Exception {
        start(1);
        await(() -> run.state() == Programmer.State.RUNNING, 15_000, "running on fresh data");
        simulator.modbusUnit(5, "silent");
        long toSafeState = await(() -> run.holdReason() == Programmer.HoldReason.COMM_LOSS
                && run.activeAlarms().contains(AlarmId.COMM_LOSS_GAUGES), 3_000, "safe state and alarm");
        // a silent device is only known silent once its request has timed out (200 ms)
        assertTrue(toSafeState <= 200 + 3 * SCAN_MS + 150, "safe state after " + toSafeState + " ms");
        simulator.modbusUnit(5, "normal");
        long toRecovered = await(() -> run.state() == Programmer.State.RUNNING
                && !run.activeAlarms().contains(AlarmId.COMM_LOSS_GAUGES), 10_000, "answering again and resumed");
        assertTrue(toRecovered <= 5_000, "resumed after " + toRecovered + " ms");
        LOG.info("silent Modbus device: safe state after {} ms; answering again: resumed after {} ms", toSafeState,
                toRecovered);
    }
}
