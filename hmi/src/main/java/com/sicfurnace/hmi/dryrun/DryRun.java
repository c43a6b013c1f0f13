package com.sicfurnace.hmi.dryrun;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One dry run: a version of the recipe store run to its end in virtual time against the simulator, by an engineer.
 *
 * @param id        {@code <recipe>-v<version>-<number>}, unique in the HMI's data directory
 * @param sha256    the SHA-256 of the text that ran
 * @param state     queued, running, finished (the run reached the recipe's end or not: see {@code completed}), failed
 *                  (no report: the reason in {@code problem})
 * @param wallS     seconds from the start of the virtual run to its report, for a finished one
 * @param completed whether the recipe ran to its end (a finished run that did not stopped held, tripped or timed out)
 */
public record DryRun(String id, String recipe, int version, String sha256, String user, Instant requested,
                     State state, Optional<Instant> ended, double wallS, boolean completed, String problem) {
    public enum State {
        QUEUED, RUNNING, FINISHED, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DryRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(problem, "problem");
    }

    /** Its fields by the names its file and the API give them. */
    public Map<String, Object> fields() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("recipe", recipe);
        o.put("version", version);
        o.put("sha256", sha256);
        o.put("user", user);
        o.put("requested", requested.toString());
        o.put("state", state.label());
        o.put("ended", ended.map(Object::toString).orElse(null));
        o.put("wall_s", wallS);
        o.put("completed", completed);
        o.put("problem", problem);
        return o;
    }

    DryRun running() {
        return new DryRun(id, recipe, version, sha256, user, requested, State.RUNNING, ended, wallS, completed,
                problem);
    }

    DryRun finished(Instant at, double seconds, boolean ranToEnd) {
        return new DryRun(id, recipe, version, sha256, user, requested, State.FINISHED, Optional.of(at), seconds,
                ranToEnd, "");
    }

    DryRun failed(Instant at, String why) {
        return new DryRun(id, recipe, version, sha256, user, requested, State.FAILED, Optional.of(at), wallS, false,
                why);
    }
}
