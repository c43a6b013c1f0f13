package com.sicfurnace.controller.api;

import com.sicfurnace.controller.recipe.Recipe;
import java.nio.file.Path;
import java.util.Objects;

/** The recipe a run follows, with the file it was read from and the SHA-256 of that file's bytes. */
public record LoadedRecipe(Recipe recipe, Path file, String sha256) {
    public LoadedRecipe {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }
}
