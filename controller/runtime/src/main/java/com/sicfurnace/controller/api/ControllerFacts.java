package com.sicfurnace.controller.api;

import com.sicfurnace.controller.alarm.AlarmDefinition;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.iolist.IoList;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the API tells about the controller that does not change while it runs: the furnace's name and variant, its
 * I/O list, the recipe loaded with its file and SHA-256, the run's id, where its audit trail is, and its profile's
 * process alarms (whose limits are its values' normal ranges).
 */
public record ControllerFacts(String furnace, String variant, IoList signals, Recipe recipe, Path recipeFile,
                              String recipeSha256, String runId, Path auditDir, List<AlarmDefinition> processAlarms) {
    public ControllerFacts {
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(recipeFile, "recipeFile");
        Objects.requireNonNull(recipeSha256, "recipeSha256");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(auditDir, "auditDir");
        processAlarms = List.copyOf(Objects.requireNonNull(processAlarms, "processAlarms"));
    }
}
