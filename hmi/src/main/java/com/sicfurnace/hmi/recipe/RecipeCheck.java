package com.sicfurnace.hmi.recipe;

import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeException;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipe's text checked by the controller's own validator (the recipe language, against the shipped profile of
 * the furnace the text names), so that the HMI says what the controller would say, with the same lines and rules.
 */
public final class RecipeCheck {
    /** One thing wrong, where: {@code step} 0 for the recipe's header, {@code field} empty where none applies. */
    public record Problem(int line, int step, String field, String message, String text) {
    }

    private static final Pattern RECIPE_KEY = Pattern.compile("(?m)^recipe\\s*:");

    private RecipeCheck() {
    }

    /** The validator's verdict: the problems (none when the controller would run it) and, if so, its furnace type. */
    public record Verdict(List<Problem> problems, String furnace) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** What is wrong with {@code yaml}, by line; empty when the controller would run it. */
    public static List<Problem> problems(String recipe, String yaml) {
        return check(recipe, yaml).problems();
    }

    /**
     * Checks {@code yaml} as the controller would. The text's {@code recipe:} name must be the store's name for it,
     * or the furnace would show a run under another name than the one loaded.
     */
    public static Verdict check(String recipe, String yaml) {
        try {
            Recipe parsed = RecipeFiles.parse(yaml, recipe + ".yaml").recipe();
            return parsed.name().equals(recipe) ? new Verdict(List.of(), parsed.furnace())
                    : new Verdict(List.of(misnamed(recipe, parsed.name(), yaml)), "");
        } catch (RecipeException e) {
            return new Verdict(e.problems().stream().map(p -> new Problem(p.line(), p.step(), p.field(),
                    p.message(), p.toString())).toList(), "");
        }
    }

    private static Problem misnamed(String recipe, String named, String yaml) {
        Matcher key = RECIPE_KEY.matcher(yaml);
        int line = key.find() ? (int) yaml.substring(0, key.start()).chars().filter(c -> c == '\n').count() + 1 : 0;
        String message = "the recipe is stored as '" + recipe + "', but its text names it '" + named
                + "': make them the same";
        return new Problem(line, 0, "recipe", message, recipe + ".yaml:" + line + ": recipe: " + message);
    }
}
