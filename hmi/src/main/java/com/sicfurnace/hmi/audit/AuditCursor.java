package com.sicfurnace.hmi.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page of a view over several trails starts: per source, the seq its records continue below ({@code
 * hmi:120,f01:4711}; 0 for a source with nothing left). A source it does not name starts at its newest record.
 */
public record AuditCursor(Map<String, Long> before) {
    private static final Pattern PART = Pattern.compile("([A-Za-z0-9_.-]+):(\\d{1,18})");
    public static final AuditCursor START = new AuditCursor(Map.of());

    public AuditCursor {
        before = Map.copyOf(before);
    }

    /**
     * Reads a cursor as {@link #toString()} writes it; null or blank is the start.
     *
     * @throws IllegalArgumentException naming the query parameter {@code before}
     */
    public static AuditCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        Map<String, Long> before = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches() || before.put(m.group(1), Long.parseLong(m.group(2))) != null) {
                throw new IllegalArgumentException("query parameter before: '" + text + "' is no cursor of this "
                        + "viewer (source:seq, comma-separated, each source once, e.g. hmi:120,f01:4711)");
            }
        }
        return new AuditCursor(before);
    }

    /** The seq a source's records continue below; empty to start at its newest. */
    public OptionalLong of(String source) {
        Long seq = before.get(source);
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    /** Whether every source named has nothing left. */
    public boolean exhausted() {
        return before.values().stream().allMatch(seq -> seq == 0);
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(",");
        before.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.add(e.getKey() + ":" + e.getValue()));
        return text.toString();
    }
}
