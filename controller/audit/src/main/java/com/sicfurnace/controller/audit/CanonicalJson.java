package com.sicfurnace.controller.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as the audit trail writes and hashes it. The canonical form, over which a record's hash is taken: no
 * whitespace; object members sorted by key (by UTF-16 code units, as {@link String#compareTo}); strings with only
 * {@code "} {@code \} and the control characters escaped ({@code \b \f \n \r \t}, others as backslash, u and four
 * lower-case hex digits), everything else as it is, in UTF-8; whole numbers in plain decimal; no decimal numbers at all. This is what
 * RFC 8785 (JCS) and Python's {@code json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} write
 * for such values. A record's line is the same but keeps its top-level members in the documented order.
 */
public final class CanonicalJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private CanonicalJson() {
    }

    /** The canonical form: every object's members sorted. */
    public static String canonical(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(256);
        write(out, new TreeMap<>(object));
        return out.toString();
    }

    /** As {@link #canonical} but the top-level members in the map's own order. */
    public static String inOrder(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(256);
        write(out, object);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, (String) member.getKey());
                out.append(':');
                write(out, member.getValue() instanceof Map<?, ?> inner ? new TreeMap<>(inner) : member.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                Object item = list.get(i);
                write(out, item instanceof Map<?, ?> inner ? new TreeMap<>(inner) : item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not an audit value: " + value.getClass().getSimpleName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads one JSON object into audit values: strings, whole numbers as {@link Long}, booleans, null, lists and
     * objects (members in the order read).
     *
     * @throws IllegalArgumentException if it is not one JSON object, repeats a key or holds a decimal number
     */
    public static Map<String, Object> parseObject(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value(node);
        return object;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        } else if (node.isTextual()) {
            return node.textValue();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            if (!node.canConvertToLong() || Math.abs(node.longValue()) > AuditValues.MAX_WHOLE) {
                throw new IllegalArgumentException("whole number out of range: " + node);
            }
            return node.longValue();
        } else if (node.isNumber()) {
            throw new IllegalArgumentException("decimal number " + node + ": a record holds decimals as text");
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(value(item)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            object.put(member.getKey(), value(member.getValue()));
        }
        return Collections.unmodifiableMap(object);
    }
}
