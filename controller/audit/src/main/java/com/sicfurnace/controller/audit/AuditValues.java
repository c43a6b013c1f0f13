package com.sicfurnace.controller.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a record may hold in {@code before} and {@code after}: text, whole numbers, booleans, null, lists and
 * objects of these. Decimal numbers go as text ({@link #decimal}): JSON tools disagree on how to write them, and the
 * hash must come out the same in any tool.
 */
public final class AuditValues {
    /** The largest whole number a record holds: every JSON tool reads up to 2^53 - 1 exactly. */
    public static final long MAX_WHOLE = (1L << 53) - 1;

    private AuditValues() {
    }

    /** An immutable copy with sorted keys; null stays null. */
    public static Map<String, Object> copyOf(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(requireKey(key), copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** A decimal number as a record holds it: its shortest text that reads back as the same double. */
    public static String decimal(double value) {
        return Double.toString(value);
    }

    private static String requireKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("a key must not be null");
        }
        return key;
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long whole = ((Number) value).longValue();
            if (Math.abs(whole) > MAX_WHOLE) {
                throw new IllegalArgumentException("whole number beyond 2^53 - 1: " + whole + "; give it as text");
            }
            return whole;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((key, item) -> {
                if (!(key instanceof String text)) {
                    throw new IllegalArgumentException("keys must be text, not " + key);
                }
                copy.put(text, copyValue(item));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("an audit value is text, a whole number, a boolean, null, a list or an "
                + "object; decimals go as text (AuditValues.decimal): not " + value.getClass().getSimpleName() + " "
                + value);
    }
}
