package com.sicfurnace.controller.recipe.language;

import java.util.List;
import java.util.stream.Collectors;

/** A recipe that cannot run; carries every problem found, one per line in the message. */
public final class RecipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RecipeProblem> problems;

    public RecipeException(List<RecipeProblem> problems) {
        super(problems.stream().map(RecipeProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RecipeProblem> problems() {
        return problems;
    }
}
