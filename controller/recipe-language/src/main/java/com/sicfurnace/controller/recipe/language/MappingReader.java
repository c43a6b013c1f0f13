package com.sicfurnace.controller.recipe.language;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the fields of one YAML mapping; every problem is reported at the line of the key concerned. */
final class MappingReader {
    private final YamlNode.Mapping mapping;
    private final String path;
    private final Problems.Scope scope;

    /** {@code path} is the dotted field path of the mapping itself, empty for a step or the header. */
    MappingReader(YamlNode.Mapping mapping, String path, Problems.Scope scope) {
        this.mapping = mapping;
        this.path = path;
        this.scope = scope;
    }

    /** The line of the mapping itself: where problems about missing fields point. */
    int line() {
        return mapping.line();
    }

    int line(String key) {
        return mapping.find(key).map(YamlNode.Entry::line).orElse(mapping.line());
    }

    boolean has(String key) {
        return mapping.find(key).isPresent();
    }

    /** Each key with the line of its first occurrence, in file order. */
    Map<String, Integer> keyLines() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        mapping.entries().forEach(entry -> lines.putIfAbsent(entry.key(), entry.line()));
        return lines;
    }

    /** The dotted path of a key, as problems name it. */
    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Problems.Scope scope() {
        return scope;
    }

    void report(String key, String message) {
        scope.add(line(key), field(key), message);
    }

    /** Reports keys given twice and keys that are not {@code known}. */
    void checkKeys(List<String> known) {
        checkKeys(known, known);
    }

    /**
     * Reports keys given twice and keys that are not {@code known}, listing {@code expected} when no known key
     * is close enough to suggest.
     */
    void checkKeys(Collection<String> known, List<String> expected) {
        Map<String, Integer> firstLines = new HashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            Integer firstLine = firstLines.putIfAbsent(entry.key(), entry.line());
            if (firstLine != null) {
                scope.add(entry.line(), field(entry.key()), "appears more than once (first on line " + firstLine + ")");
            } else if (!known.contains(entry.key())) {
                scope.add(entry.line(), path, Suggestions.unknownField(entry.key(), known, expected));
            }
        }
    }

    /** A field that may be absent. */
    FieldValue optional(String key) {
        return new FieldValue(this, key, mapping.find(key).map(YamlNode.Entry::value));
    }

    /** A field that must be given: its absence is reported. */
    FieldValue required(String key) {
        FieldValue value = optional(key);
        if (!value.isPresent()) {
            scope.add(mapping.line(), field(key), "required field is missing");
        }
        return value;
    }
}
