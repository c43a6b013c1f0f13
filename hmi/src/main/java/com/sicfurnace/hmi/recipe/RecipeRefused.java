package com.sicfurnace.hmi.recipe;

/**
 * A request about recipes that was refused, with the HTTP status it answers with and a short code for scripts:
 * 400 {@code invalid}, 403 {@code four_eyes}, 404 {@code unknown_recipe} or {@code unknown_version}, 409
 * {@code approved_already}.
 */
public final class RecipeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public RecipeRefused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
