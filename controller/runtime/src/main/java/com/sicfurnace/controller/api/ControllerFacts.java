package com.sicfurnace.controller.api;

import com.sicfurnace.controller.alarm.AlarmDefinition;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.iolist.IoList;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API tells about the controller: the furnace's name and variant, its I/O list, the recipe loaded at the
 * start with its file and SHA-256 (an operator may load another before the run starts), the run's id, where its
 * audit trail is, its profile's process alarms (whose limits are its values' normal ranges), the library of
 * recipes it may load, if it has one, and the report directory whose run history it serves, if it keeps one.
 */
public record ControllerFacts(String furnace, String variant, IoList signals, Recipe recipe, Path recipeFile,
                              String recipeSha256, String runId, Path auditDir, List<AlarmDefinition> processAlarms,
                              Optional<RecipeLibrary> recipes, Optional<Path> reportDir) {
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
        Objects.requireNonNull(recipes, "recipes");
        Objects.requireNonNull(reportDir, "reportDir");
    }

    /** A controller without a recipe library: it runs the recipe it started with. */
    public ControllerFacts(String furnace, String variant, IoList signals, Recipe recipe, Path recipeFile,
                           String recipeSha256, String runId, Path auditDir, List<AlarmDefinition> processAlarms) {
        this(furnace, variant, signals, recipe, recipeFile, recipeSha256, runId, auditDir, processAlarms,
                Optional.empty(), Optional.empty());
    }
}
