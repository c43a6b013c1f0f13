package com.sicfurnace.hmi.recipe;

import com.sicfurnace.controller.recipe.language.RecipeException;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import java.util.List;

/**
 * A recipe's text checked by the controller's own validator (the recipe language, against the shipped profile of
 * the furnace the text names), so that the HMI says what the controller would say, with the same lines and rules.
 */
public final class RecipeCheck {
    /** One thing wrong, where: {@code step} 0 for the recipe's header, {@code field} empty where none applies. */
    public record Problem(int line, int step, String field, String message, String text) {
    }

    private RecipeCheck() {
    }

    /** What is wrong with {@code yaml}, by line; empty when the controller would run it. */
    public static List<Problem> problems(String recipe, String yaml) {
        try {
            RecipeFiles.parse(yaml, recipe + ".yaml");
            return List.of();
        } catch (RecipeException e) {
            return e.problems().stream().map(p -> new Problem(p.line(), p.step(), p.field(), p.message(),
                    p.toString())).toList();
        }
    }
}
