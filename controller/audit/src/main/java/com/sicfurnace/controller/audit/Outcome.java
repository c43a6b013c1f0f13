package com.sicfurnace.controller.audit;

import java.util.Locale;

/** What came of an audited action: done as asked, or refused (and then it changed nothing). */
public enum Outcome {
    DONE, REFUSED;

    /** The text in a record: {@code done} or {@code refused}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome a record's text names. */
    public static Outcome of(String text) {
        for (Outcome outcome : values()) {
            if (outcome.text().equals(text)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("outcome must be done or refused, not '" + text + "'");
    }
}
