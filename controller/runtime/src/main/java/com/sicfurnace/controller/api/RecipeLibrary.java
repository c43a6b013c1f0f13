package com.sicfurnace.controller.api;

import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeException;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.secret.SecretFiles;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recipes an operator may load into this controller: the YAML files of one directory, each validated against
 * this furnace's profile as it is offered and again as it is loaded, and versions the HMI's recipe store sends as
 * text. A file is named by its bare name; nothing outside the directory is reachable. A text is kept, before it is
 * loaded, as a file of the controller's own ({@code received}, owner-only), so that the run names a file with exactly
 * the bytes it ran and a restart can take it up again.
 */
public final class RecipeLibrary {
    private static final Pattern VERSIONED = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path dir;
    private final Path received;
    private final FurnaceProfile profile;

    public RecipeLibrary(Path dir, Path received, FurnaceProfile profile) {
        this.dir = dir.toAbsolutePath().normalize();
        this.received = received.toAbsolutePath().normalize();
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

    /**
     * The command that loads a version of the HMI's recipe store, sent as text: validated as a file is, its SHA-256
     * checked against the one the store gave, and kept as {@code <store recipe>-v<version>-<sha256 prefix>.yaml}.
     *
     * @throws IllegalArgumentException naming the field that is wrong: the store's recipe name, the version, a
     *                                  SHA-256 that does not match the text, or the text's problems with their lines
     */
    public Command.LoadRecipe loadVersion(String storeRecipe, int version, String yaml, String sha256)
            throws IOException {
        if (!VERSIONED.matcher(storeRecipe).matches()) {
            throw new IllegalArgumentException("field store_recipe: '" + storeRecipe + "' is no recipe name of the "
                    + "HMI's store");
        }
        if (version < 1) {
            throw new IllegalArgumentException("field version: a version counts from 1, not " + version);
        }
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        String actual = AuditRecord.sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("field sha256: the text's SHA-256 is " + actual + ", not " + sha256
                    + ": it is not the version the store gave");
        }
        Recipe recipe;
        try {
            recipe = RecipeLoader.parse(yaml, storeRecipe + ".yaml", profile.recipeLimits());
        } catch (RecipeException e) {
            throw new IllegalArgumentException("field yaml: version " + version + " of " + storeRecipe + " cannot run "
                    + "on this " + profile.furnace() + " furnace: " + e.getMessage(), e);
        }
        Path file = received.resolve(storeRecipe + "-v" + version + "-" + actual.substring(0, 12) + ".yaml");
        SecretFiles.writeAtomically(file, bytes); // the same bytes again if this version came before
        return new Command.LoadRecipe(recipe, file.toString(), actual);
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
