package com.sicfurnace.controller.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.RecipeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a recipe file together with the profile of the furnace it names. */
final class RecipeFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A recipe and the profile it was validated against. */
    record Loaded(Recipe recipe, FurnaceProfile profile) {
    }

    private RecipeFiles() {
    }

    /**
     * Reads the recipe's {@code furnace} key to pick the profile, then loads and validates the recipe against it.
     * A malformed file is left to the recipe loader, whose messages carry the line.
     */
    static Loaded load(Path file) throws IOException {
        String text = Files.readString(file);
        String furnace = furnaceOf(text).orElse(null);
        FurnaceProfile profile = ProfileLoader.shipped(furnace == null ? "6inch" : furnace);
        Recipe recipe = RecipeLoader.parse(text, file.getFileName().toString(), profile.recipeLimits());
        return new Loaded(recipe, profile);
    }

    private static Optional<String> furnaceOf(String text) {
        try {
            JsonNode root = YAML.readTree(text);
            JsonNode furnace = root == null ? null : root.get("furnace");
            return furnace != null && furnace.isTextual() && knownFurnace(furnace.asText())
                    ? Optional.of(furnace.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean knownFurnace(String furnace) {
        return RecipeFiles.class.getResource("/profiles/" + furnace + ".yaml") != null;
    }
}
