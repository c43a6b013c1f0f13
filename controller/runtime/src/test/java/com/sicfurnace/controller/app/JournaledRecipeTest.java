package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.run.RunJournal;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.scan.TestRecipes;
import com.sicfurnace.controller.telemetry.metrics.MetricsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted controller takes up the recipe an operator loaded before the start, named by the journal, instead of
 * its configuration's, only while that file still holds what the run ran.
 */
class JournaledRecipeTest {
    @TempDir
    Path dir;

    private RunConfig config(Path recipe) {
        return new RunConfig(recipe, dir.resolve("report"), 1.0,
                OpcUaSettings.insecure("opc.tcp://127.0.0.1:4840/plc", dir.resolve("controller"), 100),
                new ModbusSettings("127.0.0.1", 5020, 200, 1, 100, 2000, Map.of()), MetricsSettings.OFF,
                dir.resolve("audit"));
    }

    private void journal(RunConfig config, Path recipe) throws Exception {
        String sha = AuditRecord.sha256(Files.readAllBytes(recipe));
        RunJournal.Identity identity = new RunJournal.Identity("f07-run", "f07", "configured", "configured.yaml",
                "00", Instant.parse("2026-03-01T08:00:00Z"), 1.0);
        CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.TEMPERATURE));
        rig.startRun();
        rig.scans(5);
        try (RunJournal journal = RunJournal.start(config.journalDir(), identity, Clock.systemUTC(), Duration.ZERO)) {
            journal.recipe("loaded", recipe.toString(), sha);
            journal.offer(rig.checkpoint());
        }
    }

    @Test
    void theJournaledRecipeIsTakenUpWhileItsFileIsUnchanged() throws Exception {
        Path configured = Files.writeString(dir.resolve("configured.yaml"), "recipe: configured\n");
        Path loaded = Files.writeString(dir.resolve("loaded.yaml"), "recipe: loaded\n");
        RunConfig config = config(configured);
        assertEquals(Optional.empty(), Main.journaledRecipe(config), "no journal");
        journal(config, loaded);
        assertEquals(Optional.of(loaded), Main.journaledRecipe(config));
        assertEquals(Optional.empty(), Main.journaledRecipe(config(loaded)), "the configuration names it already");
        Files.writeString(loaded, "recipe: loaded, edited since\n");
        assertEquals(Optional.empty(), Main.journaledRecipe(config), "another content: the journal decision refuses");
    }
}
