package com.sicfurnace.controller.recipe.language;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the line it starts on. Jackson's tree model drops locations, but every recipe problem has to
 * name its line, so {@link YamlReader} builds this small tree instead.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
    /** 1-based line where the value starts. */
    int line();

    /** How the value reads in a message: {@code 'hot'}, {@code empty}, {@code a list} or {@code a mapping}. */
    String describe();

    /** A plain value as written; YAML null ({@code ~} or nothing) reads as the empty text. */
    record Scalar(String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return text.isEmpty() ? "empty" : "'" + text + "'";
        }
    }

    /** A {@code key: value} mapping; keys keep their file order and may repeat (reported by the reader). */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The first entry with this key. */
        Optional<Entry> find(String key) {
            return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One {@code key: value} pair; {@code line} is the key's line. */
    record Entry(String key, int line, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
