package com.sicfurnace.hmi.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a YAML configuration, read with the file and the key path at hand so that every error names both:
 * {@code hmi.yaml: session.idle_timeout_min: must be a whole number of minutes from 1 to 1440, not 0}.
 */
record ConfigReader(Path file, JsonNode node, String path) {
    ConfigReader child(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return new ConfigReader(file, JsonNodeFactory.instance.objectNode(), path + key + ".");
        }
        if (!child.isObject()) {
            throw error(key, "must be a mapping");
        }
        return new ConfigReader(file, child, path + key + ".");
    }

    /** Refuses keys not in {@code allowed}, naming the first one and those there are. */
    void only(Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw error(key, "unknown key; known here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        });
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    String text(String key, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw error(key, "must be text, not " + value);
        }
        if (value.asText().isBlank()) {
            throw error(key, "must not be empty");
        }
        return value.asText();
    }

    String requiredText(String key) {
        if (!has(key)) {
            throw error(key, "is required");
        }
        return text(key, null);
    }

    Optional<Boolean> flag(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw error(key, "must be true or false, not " + value);
        }
        return Optional.of(value.asBoolean());
    }

    Optional<Long> whole(String key, long min, long max, String unit) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw error(key, "must be a whole number" + unit + " from " + min + " to " + max + ", not " + value);
        }
        return Optional.of(value.asLong());
    }

    Optional<Double> number(String key, double min, double max, String unit) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() || !(value.asDouble() >= min) || !(value.asDouble() <= max)) {
            throw error(key, "must be a number" + unit + " from " + min + " to " + max + ", not " + value);
        }
        return Optional.of(value.asDouble());
    }

    IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(file + ": " + path + key + ": " + message);
    }
}
