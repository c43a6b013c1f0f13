package com.sicfurnace.controller.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One record of the trail: an {@link AuditEntry} numbered ({@code seq}, from 1 without gaps) and chained
 * ({@code prev}, the hash of the record before; {@link AuditHead#GENESIS_HASH} for the first). Its {@code hash} is the
 * SHA-256, in lower-case hex, of the UTF-8 bytes of the canonical form ({@link CanonicalJson}) of all its other
 * fields, {@code prev} included. On disk a record is one line of JSON, its fields in the order of {@link #FIELDS}.
 */
public record AuditRecord(long seq, AuditEntry entry, String prev, String hash) {
    /** The fields of a record, in the order its line holds them. */
    public static final List<String> FIELDS = List.of("seq", "time", "user", "role", "action", "reason", "before",
            "after", "outcome", "detail", "furnace", "run_id", "prev", "hash");
    private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

    public AuditRecord {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }

    /** The record that follows {@code head}: numbered, chained and hashed. */
    public static AuditRecord after(AuditHead head, AuditEntry entry) {
        AuditRecord unhashed = new AuditRecord(head.seq() + 1, entry, head.hash(), "");
        return new AuditRecord(unhashed.seq, entry, head.hash(), unhashed.computedHash());
    }

    /** The hash this record's fields give, whatever its {@code hash} says. */
    public String computedHash() {
        return sha256(canonical());
    }

    /** The canonical form of every field but {@code hash}: the bytes the hash is taken over. */
    public String canonical() {
        return CanonicalJson.canonical(fields(false));
    }

    /** The record's line, without the newline. */
    public String line() {
        return CanonicalJson.inOrder(fields(true));
    }

    public AuditHead head() {
        return new AuditHead(seq, hash);
    }

    private Map<String, Object> fields(boolean withHash) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("time", entry.time().toString());
        fields.put("user", entry.user());
        fields.put("role", entry.role());
        fields.put("action", entry.action());
        fields.put("reason", entry.reason());
        fields.put("before", entry.before());
        fields.put("after", entry.after());
        fields.put("outcome", entry.outcome().text());
        fields.put("detail", entry.detail());
        fields.put("furnace", entry.furnace());
        fields.put("run_id", entry.runId());
        fields.put("prev", prev);
        if (withHash) {
            fields.put("hash", hash);
        }
        return fields;
    }

    /**
     * Reads a record's line. The hash is not checked here ({@link #computedHash()} does): a record altered after
     * it was written still reads.
     *
     * @throws IllegalArgumentException saying what is wrong with a line that is no record
     */
    public static AuditRecord parse(String line) {
        Map<String, Object> fields = CanonicalJson.parseObject(line);
        for (String name : fields.keySet()) {
            if (!FIELD_SET.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        for (String name : FIELDS) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("field '" + name + "' missing");
            }
        }
        Object seq = fields.get("seq");
        if (!(seq instanceof Long number) || number < 1) {
            throw new IllegalArgumentException("seq must be a whole number from 1, not " + seq);
        }
        AuditEntry entry = new AuditEntry(time(text(fields, "time")), text(fields, "user"), text(fields, "role"),
                text(fields, "action"), text(fields, "reason"), object(fields, "before"), object(fields, "after"),
                Outcome.of(text(fields, "outcome")), text(fields, "detail"), textOrNull(fields, "furnace"),
                textOrNull(fields, "run_id"));
        return new AuditRecord(number, entry, hash(fields, "prev"), hash(fields, "hash"));
    }

    /** The time as written by {@link Instant#toString()}: anything else would not hash back to the same bytes. */
    private static Instant time(String text) {
        try {
            Instant time = Instant.parse(text);
            if (time.toString().equals(text)) {
                return time;
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + text + "' is not ISO-8601 UTC (2026-01-05T06:00:00Z)");
        }
        throw new IllegalArgumentException("time '" + text + "' is not written as ISO-8601 UTC is (expected "
                + Instant.parse(text) + ")");
    }

    private static String text(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("field '" + name + "' must be text, not " + fields.get(name));
    }

    private static String textOrNull(Map<String, Object> fields, String name) {
        return fields.get(name) == null ? null : text(fields, name);
    }

    private static String hash(Map<String, Object> fields, String name) {
        String text = text(fields, name);
        if (!HEX_HASH.matcher(text).matches()) {
            throw new IllegalArgumentException("field '" + name + "' must be 64 lower-case hex digits, not '" + text
                    + "'");
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("field '" + name + "' must be an object or null, not " + value);
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
