package com.sicfurnace.controller.telemetry;

import java.util.Objects;

/** The tags every point of a run carries, so that runs and furnaces can be told apart in the database. */
public record RunTags(String furnace, String runId, String recipe) {
    public RunTags {
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(recipe, "recipe");
    }

    public RunTags withRecipe(String name) {
        return new RunTags(furnace, runId, name);
    }
}
