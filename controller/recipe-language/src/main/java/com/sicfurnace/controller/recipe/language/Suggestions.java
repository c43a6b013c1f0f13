package com.sicfurnace.controller.recipe.language;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Names the field an engineer probably meant when a key is misspelt. */
final class Suggestions {
    /** Farther than this, a suggestion is more likely to mislead than help. */
    static final int MAX_EDIT_DISTANCE = 2;

    private Suggestions() {
    }

    /** E.g. {@code unknown field 'seed_C' (did you mean 'seed_c'?)}; lists {@code expected} when nothing is close. */
    static String unknownField(String key, Collection<String> known, List<String> expected) {
        return closest(key, known)
                .map(match -> "unknown field '" + key + "' (did you mean '" + match + "'?)")
                .orElse("unknown field '" + key + "'; expected one of " + String.join(", ", expected));
    }

    /** The nearest candidate within {@link #MAX_EDIT_DISTANCE}, ignoring case; the first one on a tie. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> distance(word, candidate) <= MAX_EDIT_DISTANCE)
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)));
    }

    /** Levenshtein distance between the lower-case forms: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        String from = a.toLowerCase(Locale.ROOT);
        String to = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }
}
