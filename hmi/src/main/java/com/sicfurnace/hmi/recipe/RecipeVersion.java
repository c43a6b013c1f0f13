package com.sicfurnace.hmi.recipe;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a recipe, never changed once saved: its number (from 1), who saved it, when and why, the
 * SHA-256 (hex) of its text, and the text exactly as it was saved (the recipe file format, docs/recipes.md).
 */
public record RecipeVersion(String recipe, int number, String author, Instant time, String comment, String sha256,
                            String yaml) {
    public RecipeVersion {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(yaml, "yaml");
    }
}
