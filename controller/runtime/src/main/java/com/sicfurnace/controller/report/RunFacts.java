package com.sicfurnace.controller.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which run a report is of, in summary.json's {@code run}: the controller's run id, the recipe file it ran with its
 * SHA-256 and, for a version of the HMI's recipe store, the version's number; who started it (the user and role of
 * the start command the core accepted), and when it started and ended in furnace time (UTC, ISO-8601). A run taken up
 * again after a restart has no start here (that was the stopped controller's); a run stopped before its end ends at
 * the last scan. Unknown members are left out: a virtual run writes none of this.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFacts(
        @JsonProperty("id") String id,
        @JsonProperty("recipe_file") String recipeFile,
        @JsonProperty("recipe_version") Integer recipeVersion,
        @JsonProperty("recipe_sha256") String recipeSha256,
        @JsonProperty("started_by") String startedBy,
        @JsonProperty("started_by_role") String startedByRole,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt) {
    /** The name the controller gives a received store version: {@code <store recipe>-v<version>-<sha256 prefix>}. */
    private static final Pattern STORE_VERSION = Pattern.compile(".+-v(\\d{1,9})-[0-9a-f]{12}\\.yaml");

    /** The store version a recipe file is, by its name; null for a file of the library. */
    public static Integer storeVersion(Path recipeFile) {
        Matcher m = STORE_VERSION.matcher(recipeFile.getFileName().toString());
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }
}
