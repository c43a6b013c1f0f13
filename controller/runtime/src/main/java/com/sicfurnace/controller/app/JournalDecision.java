package com.sicfurnace.controller.app;

import com.sicfurnace.controller.run.RunJournal;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a starting controller does about the run journal it found: nothing to find (a fresh run), go on with the
 * journaled run, or move a journal aside on an operator's word (audited) and start afresh.
 */
public sealed interface JournalDecision {
    static JournalDecision fresh() {
        return new Fresh();
    }

    /** No journal of an unfinished run: a new run starts. */
    record Fresh() implements JournalDecision {
    }

    /** Go on with the journaled run. */
    record Resume(RunJournal.Journaled journaled) implements JournalDecision {
        public Resume {
            Objects.requireNonNull(journaled, "journaled");
        }
    }

    /**
     * Move the journal {@code file} aside and start a new run; {@code journaled} is what it held, empty if it could
     * not be read ({@code problem} says why).
     */
    record Discard(Path file, Optional<RunJournal.Journaled> journaled, String problem, String reason)
            implements JournalDecision {
        public Discard {
            Objects.requireNonNull(file, "file");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("discarding a run journal needs a reason");
            }
        }
    }
}
