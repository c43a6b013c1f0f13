package com.sicfurnace.controller.recipe.language;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.Recipe;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a recipe file together with the profile of the furnace it names. */
public final class RecipeFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A recipe and the profile it was validated against. */
    public record Loaded(Recipe recipe, FurnaceProfile profile) {
    }

    private RecipeFiles() {
    }

    /**
     * Reads the recipe's {@code furnace} key to pick the profile, then loads and validates the recipe against it.
     * A malformed file is left to the recipe loader, whose messages carry the line.
     *
     * @throws RecipeException listing every problem; also when the file cannot be read (missing, not readable, not
     *                         UTF-8 text), naming the file and the reason
     */
    public static Loaded load(Path file) {
        return parse(RecipeLoader.readText(file, file.getFileName().toString()), file.getFileName().toString());
    }

    /**
     * As {@link #load}, for recipe text that is no file (yet): {@code fileName} names it in the problems.
     *
     * @throws RecipeException listing every problem
     */
    public static Loaded parse(String text, String fileName) {
        String furnace = furnaceOf(text).orElse(null);
        FurnaceProfile profile = ProfileLoader.shipped(furnace == null ? "6inch" : furnace, FurnaceProfile.class);
        Recipe recipe = RecipeLoader.parse(text, fileName, profile.recipeLimits());
        return new Loaded(recipe, profile);
    }

    private static Optional<String> furnaceOf(String text) {
        try {
            JsonNode root = YAML.readTree(text);
            JsonNode furnace = root == null ? null : root.get("furnace");
            return furnace != null && furnace.isTextual() && ProfileLoader.ships(furnace.asText())
                    ? Optional.of(furnace.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

}
