package com.sicfurnace.hmi.recipe;

import java.time.Instant;
import java.util.Objects;

/** A version approved for production by someone other than its author, when, and why. */
public record RecipeApproval(String recipe, int number, String approver, Instant time, String comment) {
    public RecipeApproval {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(comment, "comment");
    }
}
