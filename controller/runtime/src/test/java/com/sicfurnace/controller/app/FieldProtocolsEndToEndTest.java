package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.program.HoldReason;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.StepSummary;
import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.TelemetrySettings;
import com.sicfurnace.controller.telemetry.influx.EmbeddedQuestDb;
import com.sicfurnace.controller.telemetry.influx.InfluxSettings;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.simulator.app.SimulatorOptions;
import com.sicfurnace.simulator.app.SimulatorRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    private static final Actor OPERATOR = new Actor("olga", Role.OPERATOR);
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
    private static final long SCAN_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(FieldProtocolsEndToEndTest.class);

    @TempDir
    Path dir;
    private SimulatorRuntime simulator;
    private LiveRun run;
    private EmbeddedQuestDb database;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void start(double speed) throws Exception {
        start(speed, Optional.empty());
    }

    private void start(double speed, Optional<TelemetrySettings> telemetry) throws Exception {
        int opcuaPort = FreePort.pick();
        int modbusPort = FreePort.pick();
        simulator = SimulatorRuntime.start(SimulatorOptions.local("6inch", opcuaPort, modbusPort, dir.resolve("plc"))
                .withSpeed(speed));
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        Recipe recipe = RecipeLoader.load(SMOKE, profile.recipeLimits());
        double periodMs = SCAN_MS / speed;
        RunConfig config = new RunConfig(SMOKE, dir.resolve("report"), speed,
                OpcUaSettings.insecure(simulator.opcuaEndpoint(), dir.resolve("controller"), Math.max(1.0, periodMs)),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 2000, Map.of()), MetricsSettings.OFF,
                telemetry, dir.resolve("audit"));
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
    void smokeRecipeOverOpcUaAndModbusMeetsTheVirtualRunsCriteriaAndItsTelemetryReachesTheDatabase()
            throws Exception {
        database = EmbeddedQuestDb.start(dir.resolve("questdb"));
        InfluxSettings influx = InfluxSettings.of(database.url(), "", "plant", "furnaces");
        start(300, Optional.of(TelemetrySettings.local(dir.resolve("telemetry")).withInflux(Optional.of(influx))
                .withDecimation(new Decimation(1.0, 60, Map.of()))));
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
        double furnaceS = summary.furnaceHours() * 3600;
        // at 300x a scan is 0.33 ms of wall time, so a pause of a few ms leaves a furnace second without a scan
        long temperatureRows = database.awaitRows("temperature", Math.round(furnaceS * 0.9), Duration.ofSeconds(30));
        assertTrue(temperatureRows >= furnaceS * 0.9 && temperatureRows <= furnaceS + 1,
                temperatureRows + " temperature points for " + furnaceS + " furnace seconds at one per second");
        long mostInOneSecond = database.sql("select max(c) from (select count() c from temperature sample by 1s)")
                .path("dataset").path(0).path(0).asLong();
        assertEquals(1, mostInOneSecond, "at most one temperature point in any second");
        JsonNode runs = database.sql("select count_distinct(run_id), count_distinct(recipe), max(pyro_top_c) "
                + "from temperature").path("dataset").path(0);
        assertEquals(1, runs.path(0).asLong(), "one run");
        assertEquals(1, runs.path(1).asLong(), "one recipe");
        assertTrue(runs.path(2).asDouble() > 1500, "the soak's seed temperature is there: " + runs.path(2));
        // a state is written when it changes, so the run's last row with a state carries its final one
        JsonNode last = database.sql("select state from run where state is not null order by timestamp desc limit 1")
                .path("dataset");
        assertEquals("complete", last.path(0).path(0).asText(), "the run's last state");
        LOG.info("telemetry of the smoke run: {} temperature points in the database", temperatureRows);
    }

    @Test
    void plcServerStoppedThenBackSafeStateWithinThreeScansThenRecoveredWithinFiveSeconds() throws Exception {
        start(1);
        await(() -> run.state() == RunState.RUNNING, 15_000, "running on fresh data");
        simulator.opcua("stop");
        long toSafeState = await(() -> run.holdReason() == HoldReason.COMM_LOSS
                && run.activeAlarms().contains(AlarmId.COMM_LOSS_PLC), 2_000, "safe state and alarm");
        assertTrue(toSafeState <= 3 * SCAN_MS + 150, "safe state after " + toSafeState + " ms");
        simulator.opcua("start");
        long toRecovered = await(() -> !run.activeAlarms().contains(AlarmId.COMM_LOSS_PLC)
                && (run.state() == RunState.RUNNING || run.activeAlarms().contains(AlarmId.INTERLOCK_PLC_WATCHDOG)),
                10_000, "reconnected, and resumed or held by the PLC's watchdog");
        assertTrue(toRecovered <= 5_000, "reconnected, subscription restored after " + toRecovered + " ms");
        if (run.activeAlarms().contains(AlarmId.INTERLOCK_PLC_WATCHDOG)) {
            // the PLC lost the heartbeat while its server was down: the run waits for the operator's reset
            assertEquals(HoldReason.INTERLOCK, run.holdReason());
            run.submit(new Command.ResetInterlocks(), OPERATOR, "PLC server restarted");
            await(() -> !run.activeAlarms().contains(AlarmId.INTERLOCK_PLC_WATCHDOG), 5_000, "watchdog reset");
            run.submit(new Command.Resume(), OPERATOR, "");
            await(() -> run.state() == RunState.RUNNING, 5_000, "resumed by the operator");
        }
        LOG.info("PLC server stop: safe state after {} ms; restart: reconnected after {} ms", toSafeState,
                toRecovered);
    }

    @Test
    void silentModbusDeviceSafeStateThenRecoveredWithinFiveSeconds() throws Exception {
        start(1);
        await(() -> run.state() == RunState.RUNNING, 15_000, "running on fresh data");
        simulator.modbusUnit(5, "silent");
        long toSafeState = await(() -> run.holdReason() == HoldReason.COMM_LOSS
                && run.activeAlarms().contains(AlarmId.COMM_LOSS_GAUGES), 3_000, "safe state and alarm");
        // a silent device is only known silent once its request has timed out (200 ms)
        assertTrue(toSafeState <= 200 + 3 * SCAN_MS + 150, "safe state after " + toSafeState + " ms");
        simulator.modbusUnit(5, "normal");
        long toRecovered = await(() -> run.state() == RunState.RUNNING
                && !run.activeAlarms().contains(AlarmId.COMM_LOSS_GAUGES), 10_000, "answering again and resumed");
        assertTrue(toRecovered <= 5_000, "resumed after " + toRecovered + " ms");
        LOG.info("silent Modbus device: safe state after {} ms; answering again: resumed after {} ms", toSafeState,
                toRecovered);
    }
}
