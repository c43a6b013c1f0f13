package com.sicfurnace.controller.run;

import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a run journal: what the body belongs to and how to check it.
 *
 * @param format       the journal's format version ({@link RunJournal#FORMAT})
 * @param runId        the run, as the audit trail and telemetry tag it
 * @param recipeSha256 SHA-256 (hex) of the recipe file's bytes: a restart must run the same recipe
 * @param runStart     the furnace time the run started (the report's hours count from it)
 * @param furnaceTime  the furnace time of the checkpoint in the body
 * @param writtenAt    the wall-clock time the journal was written: a restart measures its outage from it
 * @param speed        furnace seconds per wall second of the run (1 for a real furnace)
 * @param bodySha256   SHA-256 (hex) of the body line's bytes, without its newline
 */
public record JournalHeader(int format, String runId, String furnace, String recipe, String recipeFile,
                            String recipeSha256, Instant runStart, Instant furnaceTime, Instant writtenAt,
                            double speed, String bodySha256) {
    public JournalHeader {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(recipeFile, "recipeFile");
        Objects.requireNonNull(recipeSha256, "recipeSha256");
        Objects.requireNonNull(runStart, "runStart");
        Objects.requireNonNull(furnaceTime, "furnaceTime");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(bodySha256, "bodySha256");
    }
}
