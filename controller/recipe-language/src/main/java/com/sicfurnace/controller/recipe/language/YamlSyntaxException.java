package com.sicfurnace.controller.recipe.language;

/** The recipe text is not one usable YAML document; {@link #line()} is 1-based. */
final class YamlSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    YamlSyntaxException(int line, String message) {
        super(message);
        this.line = line;
    }

    YamlSyntaxException(int line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    int line() {
        return line;
    }
}
