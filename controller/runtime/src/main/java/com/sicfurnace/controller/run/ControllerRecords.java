package com.sicfurnace.controller.run;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The records the controller writes of itself: its start (with the recipe and the configuration it runs), the recipe
 * it loaded (with the SHA-256 of the file's bytes, so that the recipe run can be matched to a file), and its stop.
 */
public final class ControllerRecords {
    public static final String START = "controller_start";
    public static final String STOP = "controller_stop";
    public static final String RECIPE_LOAD = "recipe_load";

    private final String user;
    private final String furnace;
    private final String runId;

    /** @param user who started the controller (the operating-system user of a command line) */
    public ControllerRecords(String user, String furnace, String runId) {
        this.user = user;
        this.furnace = furnace;
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    /** A recipe file as run: its name, where it was read and the SHA-256 (hex) of its bytes. */
    public record RecipeFile(String name, Path file, String sha256) {
        public static RecipeFile read(String name, Path file) throws IOException {
            return new RecipeFile(name, file.toAbsolutePath().normalize(),
                    AuditRecord.sha256(Files.readAllBytes(file)));
        }

        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("recipe", name);
            values.put("recipe_file", file.toString());
            values.put("recipe_sha256", sha256);
            return values;
        }
    }

    /**
     * The controller's start. A trail whose last record is not a stop tells of a controller that ended without one
     * (a crash, a power cut, a kill): the detail says so.
     */
    public AuditEntry start(Instant time, RecipeFile recipe, Map<String, Object> config,
                            Optional<AuditRecord> lastBefore) {
        Map<String, Object> after = recipe.values();
        after.put("config", config);
        String detail = lastBefore.filter(last -> !last.entry().action().equals(STOP))
                .map(last -> "the trail's last record (seq " + last.seq() + ", " + last.entry().action()
                        + ") is no controller stop: the controller before ended without one")
                .orElse("");
        return new AuditEntry(time, user, "", START, "", null, after, Outcome.DONE, detail, furnace, runId);
    }

    public AuditEntry recipeLoad(Instant time, RecipeFile recipe) {
        return new AuditEntry(time, user, "", RECIPE_LOAD, "", null, recipe.values(), Outcome.DONE, "", furnace,
                runId);
    }

    /**
     * The controller's stop.
     *
     * @param finalState the run's state at the stop
     * @param detail     why it stopped: the recipe ended, a stop was asked for, the start failed
     */
    public AuditEntry stop(Instant time, RecipeFile recipe, String finalState, double furnaceHours, String detail) {
        Map<String, Object> after = recipe.values();
        after.put("final_state", finalState);
        after.put("furnace_hours", String.format(java.util.Locale.ROOT, "%.4f", furnaceHours));
        return new AuditEntry(time, user, "", STOP, "", null, after, Outcome.DONE, detail, furnace, runId);
    }
}
