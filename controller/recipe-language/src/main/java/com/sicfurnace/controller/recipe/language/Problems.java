package com.sicfurnace.controller.recipe.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one recipe file, so the engineer sees them all at once. */
final class Problems {
    private final String fileName;
    private final List<RecipeProblem> found = new ArrayList<>();

    Problems(String fileName) {
        this.fileName = fileName;
    }

    /** Problems with the recipe's top-level fields (reported as step 0). */
    Scope header() {
        return new Scope(this, 0, "");
    }

    Scope step(int number, String name) {
        return new Scope(this, number, name);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** In file order; problems on the same line keep the order they were found in. */
    List<RecipeProblem> sortedByLine() {
        return found.stream().sorted(Comparator.comparingInt(RecipeProblem::line)).toList();
    }

    /** Where problems are reported: the header or one step. */
    record Scope(Problems problems, int step, String stepName) {
        void add(int line, String field, String message) {
            problems.found.add(new RecipeProblem(problems.fileName, line, step, stepName, field, message));
        }
    }
}
