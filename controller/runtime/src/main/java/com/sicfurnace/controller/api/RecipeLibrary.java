package com.sicfurnace.controller.api;

import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeException;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The recipes an operator may load into this controller: the YAML files of one directory, each validated against
 * this furnace's profile as it is offered and again as it is loaded. A file is named by its bare name; nothing
 * outside the directory is reachable.
 */
public final class RecipeLibrary {
    private final Path dir;
    private final FurnaceProfile profile;

    public RecipeLibrary(Path dir, FurnaceProfile profile) {
        this.dir = dir.toAbsolutePath().normalize();
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * One file of the library.
     *
     * @param problem why it cannot run on this furnace (the validator's messages, with their lines); empty if it can
     */
    public record Entry(String file, String name, String furnace, String sha256, int steps, String problem) {
        public boolean runnable() {
            return problem.isEmpty();
        }
    }

    public Path dir() {
        return dir;
    }

    /** Every recipe file of the directory, by name. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(RecipeLibrary::recipeFile).sorted().toList()) {
                entries.add(entry(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the recipe directory " + dir + " cannot be listed", e);
        }
        return entries;
    }

    /**
     * The command that loads {@code fileName}, read and validated now; the file's bytes are hashed as they were
     * parsed.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with its name or its content
     */
    public Command.LoadRecipe load(String fileName) {
        Path file = resolve(fileName);
        Read read = read(file);
        if (!read.problem().isEmpty()) {
            throw new IllegalArgumentException("field recipe: " + fileName + " cannot run on this " + profile.furnace()
                    + " furnace: " + read.problem());
        }
        return new Command.LoadRecipe(read.recipe(), file.toString(), read.sha256());
    }

    private Path resolve(String fileName) {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
                || !recipeFile(Path.of(fileName))) {
            throw new IllegalArgumentException("field recipe: '" + fileName + "' is no recipe file name of this "
                    + "controller's library (a bare name ending .yaml or .yml)");
        }
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("field recipe: there is no recipe " + fileName + " in " + dir);
        }
        return file;
    }

    private static boolean recipeFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private Entry entry(Path file) {
        Read read = read(file);
        String name = read.recipe() == null ? "" : read.recipe().name();
        String furnace = read.recipe() == null ? "" : read.recipe().furnace();
        int steps = read.recipe() == null ? 0 : read.recipe().steps().size();
        return new Entry(file.getFileName().toString(), name, furnace, read.sha256(), steps, read.problem());
    }

    private record Read(Recipe recipe, String sha256, String problem) {
    }

    private Read read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Read(null, "", "cannot be read: " + e.getMessage());
        }
        String sha256 = AuditRecord.sha256(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Read(null, sha256, "is not UTF-8 text");
        }
        try {
            // the validator also refuses a recipe for another furnace, naming the line
            Recipe recipe = RecipeLoader.parse(text, file.getFileName().toString(), profile.recipeLimits());
            return new Read(recipe, sha256, "");
        } catch (RecipeException e) {
            return new Read(null, sha256, e.getMessage());
        }
    }
}
