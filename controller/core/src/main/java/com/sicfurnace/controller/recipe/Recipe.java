package com.sicfurnace.controller.recipe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated growth recipe. {@code source} names the file it came from. {@code defaultHoldback} applies to
 * temperature-controlled ramp and soak steps that give none of their own.
 */
public record Recipe(String name, String furnace, String description, String source,
                     Optional<Holdback> defaultHoldback, List<Step> steps) {
    public Recipe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(defaultHoldback, "defaultHoldback");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a recipe needs at least one step");
        }
    }
}
