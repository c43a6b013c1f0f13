package com.sicfurnace.hmi.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.hmi.data.DataFiles;
import com.sicfurnace.hmi.refusal.Refused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recipes engineers write, each a series of immutable versions, and their approvals for production. A version
 * is one file, {@code <dir>/<recipe>/<number>.json} (the text with its author, time, comment and SHA-256), an approval
 * another beside it ({@code <number>.approval.json}); each is written whole to a temporary file, fsynced and renamed
 * into place, so that a crash during a save leaves the versions before it intact and no half-written one. A version
 * is never written over; its text is checked against its SHA-256 whenever it is read. A version may be saved with
 * problems (a draft), but only one the controller's validator accepts is approved, and never by its author (four
 * eyes).
 */
public final class RecipeStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern VERSION_FILE = Pattern.compile("(\\d{6})\\.json");
    private static final int MAX_YAML_BYTES = 1 << 20;

    private final Path dir;
    private final Clock clock;

    private RecipeStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Opens (or creates, owner-only) the store in {@code dir}; temporary files a crash left behind are removed. */
    public static RecipeStore open(Path dir, Clock clock) throws IOException {
        SecretFiles.ownerOnlyDirectory(dir);
        try (Stream<Path> recipes = Files.list(dir)) {
            for (Path recipe : recipes.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(recipe)) {
                    for (Path left : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                        DataFiles.deleteDurably(left); // never renamed into place: no version
                    }
                }
            }
        }
        return new RecipeStore(dir, clock);
    }

    /**
     * Saves {@code yaml} as the next version of {@code recipe} (the first makes the recipe).
     *
     * @throws Refused 400 naming what is wrong with the name, the text or the comment
     */
    public synchronized RecipeVersion save(String recipe, String yaml, String author, String comment)
            throws IOException {
        Path recipeDir = dir.resolve(checkedName(recipe));
        if (yaml == null || yaml.isBlank()) {
            throw new Refused(400, "invalid", "the recipe's text is empty");
        }
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
            throw new Refused(400, "invalid", "the recipe's text is larger than " + MAX_YAML_BYTES + " bytes");
        }
        if (comment == null || comment.isBlank()) {
            throw new Refused(400, "invalid", "a version needs a comment: what changed and why");
        }
        SecretFiles.ownerOnlyDirectory(recipeDir);
        int number = numbers(recipeDir).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        RecipeVersion version = new RecipeVersion(recipe, number, author, clock.instant(), comment.strip(),
                AuditRecord.sha256(yaml), yaml);
        ObjectNode o = JSON.createObjectNode();
        o.put("recipe", recipe);
        o.put("version", number);
        o.put("author", author);
        o.put("time", version.time().toString());
        o.put("comment", version.comment());
        o.put("sha256", version.sha256());
        o.put("yaml", yaml);
        DataFiles.writeAtomically(versionFile(recipeDir, number), JSON.writeValueAsBytes(o));
        return version;
    }

    /**
     * Approves a version for production.
     *
     * @throws Refused 404 for an unknown recipe or version, 403 when the approver wrote it, 409 when the
     *                       validator finds a problem or it is approved already, 400 without a comment
     */
    public synchronized RecipeApproval approve(String recipe, int number, String approver, String comment)
            throws IOException {
        RecipeVersion version = version(recipe, number).orElseThrow(() -> new Refused(404, "unknown_version",
                "recipe '" + recipe + "' has no version " + number));
        if (version.author().equals(approver)) {
            throw new Refused(403, "four_eyes", "version " + number + " of '" + recipe + "' was saved by "
                    + approver + ": another engineer or an admin approves it");
        }
        List<RecipeCheck.Problem> problems = RecipeCheck.problems(recipe, version.yaml());
        if (!problems.isEmpty()) {
            throw new Refused(409, "invalid_recipe", "version " + number + " of '" + recipe + "' would not run: "
                    + problems.get(0).text() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)"
                    : ""));
        }
        if (approval(recipe, number).isPresent()) {
            throw new Refused(409, "approved_already", "version " + number + " of '" + recipe
                    + "' is approved already");
        }
        if (comment == null || comment.isBlank()) {
            throw new Refused(400, "invalid", "an approval needs a comment");
        }
        RecipeApproval approval = new RecipeApproval(recipe, number, approver, clock.instant(), comment.strip());
        ObjectNode o = JSON.createObjectNode();
        o.put("recipe", recipe);
        o.put("version", number);
        o.put("approver", approver);
        o.put("time", approval.time().toString());
        o.put("comment", approval.comment());
        o.put("sha256", version.sha256());
        DataFiles.writeAtomically(approvalFile(dir.resolve(recipe), number), JSON.writeValueAsBytes(o));
        return approval;
    }

    /** The recipes, by name. */
    public List<String> recipes() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        }
    }

    /** Every version of a recipe, oldest first; empty for an unknown recipe. */
    public List<RecipeVersion> versions(String recipe) throws IOException {
        Path recipeDir = dir.resolve(checkedName(recipe));
        List<RecipeVersion> versions = new ArrayList<>();
        for (int number : numbers(recipeDir)) {
            versions.add(read(recipe, versionFile(recipeDir, number)));
        }
        return versions;
    }

    public Optional<RecipeVersion> version(String recipe, int number) throws IOException {
        Path file = versionFile(dir.resolve(checkedName(recipe)), number);
        return Files.exists(file) ? Optional.of(read(recipe, file)) : Optional.empty();
    }

    public Optional<RecipeApproval> approval(String recipe, int number) throws IOException {
        Path file = approvalFile(dir.resolve(checkedName(recipe)), number);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode o = JSON.readTree(file.toFile());
        return Optional.of(new RecipeApproval(recipe, number, text(o, "approver", file), Instant.parse(text(o, "time",
                file)), text(o, "comment", file)));
    }

    private static RecipeVersion read(String recipe, Path file) throws IOException {
        JsonNode o = JSON.readTree(file.toFile());
        String yaml = text(o, "yaml", file);
        String sha256 = text(o, "sha256", file);
        if (!AuditRecord.sha256(yaml).equals(sha256)) {
            throw new IOException("recipe version " + file + " is corrupt: its text does not match its SHA-256");
        }
        return new RecipeVersion(recipe, o.path("version").asInt(), text(o, "author", file),
                Instant.parse(text(o, "time", file)), text(o, "comment", file), sha256, yaml);
    }

    private static String text(JsonNode o, String field, Path file) throws IOException {
        JsonNode value = o.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("recipe file " + file + " has no text field '" + field + "'");
        }
        return value.asText();
    }

    private static List<Integer> numbers(Path recipeDir) throws IOException {
        if (!Files.isDirectory(recipeDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(recipeDir)) {
            return files.map(f -> VERSION_FILE.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        }
    }

    private static Path versionFile(Path recipeDir, int number) {
        return recipeDir.resolve(String.format(Locale.ROOT, "%06d.json", number));
    }

    private static Path approvalFile(Path recipeDir, int number) {
        return recipeDir.resolve(String.format(Locale.ROOT, "%06d.approval.json", number));
    }

    private static String checkedName(String recipe) {
        if (recipe == null || !NAME.matcher(recipe).matches()) {
            throw new Refused(400, "invalid", "a recipe's name is 1 to 64 of a-z, 0-9, '-' and '_', starting "
                    + "with a letter or digit, not '" + recipe + "'");
        }
        return recipe;
    }
}
