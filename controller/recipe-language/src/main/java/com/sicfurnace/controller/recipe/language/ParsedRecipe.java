package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Holdback;
import com.sicfurnace.controller.recipe.Recipe;
import java.util.List;
import java.util.Optional;

/** A recipe that parsed without problems, its steps still carrying their key lines for the validator. */
record ParsedRecipe(String name, String furnace, String description, Optional<Holdback> defaultHoldback,
                    List<LocatedStep> steps) {
    ParsedRecipe {
        steps = List.copyOf(steps);
    }

    Recipe toRecipe(String source) {
        return new Recipe(name, furnace, description, source, defaultHoldback,
                steps.stream().map(LocatedStep::step).toList());
    }
}
