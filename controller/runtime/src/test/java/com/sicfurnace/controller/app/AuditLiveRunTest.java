package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.Await;
import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditFiles;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditTrail;
import com.sicfurnace.controller.audit.AuditVerifier;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.audit.TrailRecords;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import com.sicfurnace.simulator.app.SimulatorOptions;
import com.sicfurnace.simulator.app.SimulatorRuntime;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production controller against the simulator over OPC UA and Modbus, as an operator drives it: its start, the
 * recipe, the operator's hold and resume, a refused resume and its stop are in the trail; the trail verifies, and the
 * run report carries its head.
 */
class AuditLiveRunTest {
    private static final Actor ANNA = new Actor("anna", Role.OPERATOR);
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");
    private static final Duration WAIT = Duration.ofSeconds(30);

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

    private boolean refusalSeen() {
        return run.feed().events().read(0, Integer.MAX_VALUE).events().stream()
                .anyMatch(e -> e instanceof CommandEvent c && !c.accepted());
    }

    /** Evidence of tampering at the trail's end: the controller neither appends to it nor touches the furnace. */
    @Test
    void aTrailThatDoesNotVerifyKeepsTheControllerFromStarting() throws Exception {
        Path auditDir = dir.resolve("audit");
        try (AuditTrail trail = AuditTrail.open(auditDir, Clock.systemUTC())) {
            trail.append(List.of(new AuditEntry(Instant.parse("2026-01-05T06:00:00Z"), "anna", "", "hold", "", null,
                    null, Outcome.DONE, "", "f07", "r1")));
        }
        Path file = AuditFiles.list(auditDir).get(0);
        Files.writeString(file, Files.readString(file).replace("\"anna\"", "\"mallory\""));
        Path config = dir.resolve("run.yaml");
        // no PLC listens there: the controller must refuse before it tries to connect
        Files.writeString(config, "recipe: " + SMOKE.toAbsolutePath() + "\naudit_dir: audit\n"
                + "opcua: {endpoint: 'opc.tcp://127.0.0.1:1/plc'}\nmodbus: {port: 1}\nmetrics: {port: 0}\n"
                + "telemetry: {enabled: false}\n");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true))
                .execute("run", "--config", config.toString());
        assertEquals(Cli.INVALID_INPUT, exit, err.toString());
        assertTrue(err.toString().contains("not started: audit trail " + auditDir + " does not verify at "
                + file.getFileName() + " line 1: hash mismatch: record altered"), err.toString());
        assertEquals(1, AuditFiles.list(auditDir).size(), "nothing appended");
    }

    @Test
    void aRunsActionsAreInTheTrailAndItsReportCarriesTheHead() throws Exception {
        int modbusPort = FreePort.pick();
        simulator = SimulatorRuntime.start(SimulatorOptions.local("6inch", FreePort.pick(), modbusPort,
                dir.resolve("plc")));
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        Recipe recipe = RecipeLoader.load(SMOKE, profile.recipeLimits());
        Path auditDir = dir.resolve("audit");
        RunConfig config = new RunConfig(SMOKE, dir.resolve("report"), 1.0,
                OpcUaSettings.insecure(simulator.opcuaEndpoint(), dir.resolve("controller"), 100),
                new ModbusSettings("127.0.0.1", modbusPort, 200, 1, 100, 2000, Map.of()), MetricsSettings.OFF,
                auditDir);
        run = LiveRun.start(config, profile, recipe, 0);
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "the run running");
        run.submit(new Command.Hold(), ANNA, "check the lid seal");
        Await.until(() -> run.state() == RunState.HELD, WAIT, "held by anna");
        run.submit(new Command.Resume(), ANNA, "");
        Await.until(() -> run.state() == RunState.RUNNING, WAIT, "resumed by anna");
        run.submit(new Command.Resume(), new Actor("bob", Role.OPERATOR), "");
        Await.until(this::refusalSeen, WAIT, "bob's resume of a running run refused");
        RunSummary summary = run.finish();
        ReportFiles.write(config.reportDir(), summary, run.recorder().columnNames(), run.recorder().trend());

        AuditVerifier.Result verdict = AuditVerifier.verify(auditDir);
        assertTrue(verdict.intact(), String.valueOf(verdict.problem()));
        JsonNode reported = new ObjectMapper().readTree(config.reportDir().resolve(ReportFiles.SUMMARY).toFile())
                .path("audit");
        assertEquals(verdict.head().seq(), reported.path("head_seq").asLong(), reported.toString());
        assertEquals(verdict.head().hash(), reported.path("head_hash").asText(), reported.toString());

        List<AuditRecord> records = TrailRecords.read(auditDir);
        assertEquals(List.of("controller_start", "recipe_load", "start", "hold", "resume", "resume",
                "controller_stop"), TrailRecords.actions(records));
        assertEquals(List.of(LiveRun.OPERATOR.user(), LiveRun.OPERATOR.user(), LiveRun.OPERATOR.user(), "anna", "anna",
                "bob", LiveRun.OPERATOR.user()), records.stream().map(r -> r.entry().user()).toList());
        assertEquals(Outcome.REFUSED, records.get(5).entry().outcome());
        assertEquals("nothing to resume: the run is running", records.get(5).entry().detail());
        String recipeHash = AuditRecord.sha256(Files.readAllBytes(SMOKE));
        for (int i : new int[] {0, 1, 6}) {
            assertEquals(recipeHash, records.get(i).entry().after().get("recipe_sha256"), "record " + i);
        }
        assertEquals(auditDir.toAbsolutePath().normalize().toString(),
                ((Map<?, ?>) records.get(0).entry().after().get("config")).get("audit_dir"));
        assertEquals("running", records.get(6).entry().after().get("final_state"));
        assertTrue(records.get(6).entry().detail().startsWith("stopped before the recipe ended"),
                records.get(6).entry().detail());
        String runId = records.get(0).entry().runId();
        assertTrue(records.stream().allMatch(r -> runId.equals(r.entry().runId()) && "6inch".equals(
                r.entry().furnace())), "one furnace and run on every record");
    }
}
