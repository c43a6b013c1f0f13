package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.RecipeLimits;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads YAML growth recipes (format: docs/recipes.md) and validates them against a furnace's limits. Every
 * problem found is reported, each with its file name, line, step and field; see {@link RecipeProblem}.
 */
public final class RecipeLoader {
    private RecipeLoader() {
    }

    /**
     * Reads and validates a UTF-8 recipe file. Problems name the file by its name only; the recipe's
     * {@link Recipe#source()} is the path as given.
     *
     * @throws RecipeException listing every problem; also when the file cannot be read, with one problem at line 0
     *                         whose message names the path and the reason (the I/O error is the cause)
     */
    public static Recipe load(Path file, RecipeLimits limits) {
        String fileName = file.getFileName().toString();
        return read(readText(file, fileName), fileName, file.toString(), limits);
    }

    /**
     * Validates recipe text; {@code fileName} names it in problems and becomes the recipe's source.
     *
     * @throws RecipeException listing every problem
     */
    public static Recipe parse(String yamlText, String fileName, RecipeLimits limits) {
        return read(yamlText, fileName, fileName, limits);
    }

    private static Recipe read(String yamlText, String fileName, String source, RecipeLimits limits) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(limits, "limits");
        Problems problems = new Problems(Objects.requireNonNull(fileName, "fileName"));
        Optional<ParsedRecipe> parsed = tree(yamlText, problems)
                .flatMap(root -> new RecipeParser(limits, problems).parse(root));
        parsed.ifPresent(recipe -> new RecipeValidator(limits, problems).validate(recipe.steps()));
        if (!problems.isEmpty()) {
            throw new RecipeException(problems.sortedByLine());
        }
        return parsed.orElseThrow().toRecipe(source);
    }

    private static Optional<YamlNode> tree(String yamlText, Problems problems) {
        try {
            Optional<YamlNode> root = YamlReader.read(yamlText);
            if (root.isEmpty()) {
                problems.header().add(1, "", "the file is empty; a recipe needs at least recipe, furnace and steps");
            }
            return root;
        } catch (YamlSyntaxException e) {
            problems.header().add(e.line(), "", "YAML syntax error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The file's UTF-8 text, or a RecipeException that names the file and why it cannot be read. */
    static String readText(Path file, String fileName) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            RecipeException failure = new RecipeException(List.of(
                    new RecipeProblem(fileName, 0, 0, "", "", "cannot read " + file + ": " + reason(e))));
            failure.initCause(e);
            throw failure;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        return e.toString();
    }
}
