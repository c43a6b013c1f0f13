package com.sicfurnace.controller.recipe.language;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of a mapping, possibly absent, with conversions to the types recipes use. A conversion that fails
 * reports why (naming the value found) and returns empty; an absent field converts to empty silently.
 */
final class FieldValue {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(s|min|h)");
    private static final Map<String, Double> NANOS_PER_UNIT = Map.of("s", 1e9, "min", 60e9, "h", 3600e9);
    private static final double NANOS_PER_HOUR = 3600e9;

    private final MappingReader owner;
    private final String key;
    private final Optional<YamlNode> node;

    FieldValue(MappingReader owner, String key, Optional<YamlNode> node) {
        this.owner = owner;
        this.key = key;
        this.node = node;
    }

    boolean isPresent() {
        return node.isPresent();
    }

    Optional<String> text() {
        return node.flatMap(value -> {
            if (value instanceof YamlNode.Scalar scalar) {
                return Optional.of(scalar.text());
            }
            return reject("must be a text, not " + value.describe());
        });
    }

    Optional<String> nonEmptyText() {
        Optional<String> text = text();
        if (text.filter(String::isEmpty).isPresent()) {
            return reject("must not be empty");
        }
        return text;
    }

    /** A finite number within {@code range}. */
    OptionalDouble number(Range range) {
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        YamlNode value = node.get();
        if (!(value instanceof YamlNode.Scalar scalar) || !NUMBER.matcher(scalar.text()).matches()
                || !Double.isFinite(Double.parseDouble(scalar.text()))) {
            owner.report(key, "must be a number, not " + value.describe());
            return OptionalDouble.empty();
        }
        double number = Double.parseDouble(scalar.text());
        Optional<String> problem = range.problemWith(number);
        problem.ifPresent(message -> owner.report(key, message));
        return problem.isPresent() ? OptionalDouble.empty() : OptionalDouble.of(number);
    }

    /** One of the {@code choices} keys, which the message lists in their order. */
    <T> Optional<T> choice(Map<String, T> choices) {
        return node.flatMap(value -> {
            if (value instanceof YamlNode.Scalar scalar && choices.containsKey(scalar.text())) {
                return Optional.of(choices.get(scalar.text()));
            }
            return reject("must be one of " + String.join(", ", choices.keySet()) + ", not " + value.describe());
        });
    }

    /** A duration such as {@code 90 min}, greater than 0 and at most {@code maxHours}. */
    Optional<Duration> duration(double maxHours) {
        return node.flatMap(value -> {
            String text = value instanceof YamlNode.Scalar scalar ? scalar.text().trim() : "";
            Matcher matcher = DURATION.matcher(text);
            if (!matcher.matches()) {
                return reject("must be a duration like '90 min' (a number, then s, min or h), not "
                        + value.describe());
            }
            double nanos = Double.parseDouble(matcher.group(1)) * NANOS_PER_UNIT.get(matcher.group(2));
            if (nanos <= 0) {
                return reject(text + " must be longer than 0");
            }
            if (nanos / NANOS_PER_HOUR > maxHours) {
                return reject(text + " exceeds the furnace limit of " + Units.format(maxHours, "h") + " per step");
            }
            return Optional.of(Duration.ofNanos(Math.round(nanos)));
        });
    }

    /** A nested mapping; {@code example} shows its shape in the message when something else is found. */
    Optional<MappingReader> mapping(String example) {
        return node.flatMap(value -> {
            if (value instanceof YamlNode.Mapping mapping) {
                return Optional.of(new MappingReader(mapping, owner.field(key), owner.scope()));
            }
            return reject("must be a mapping like " + example + ", not " + value.describe());
        });
    }

    Optional<YamlNode.Sequence> list() {
        return node.flatMap(value -> {
            if (value instanceof YamlNode.Sequence sequence) {
                return Optional.of(sequence);
            }
            return reject("must be a list, not " + value.describe());
        });
    }

    private <T> Optional<T> reject(String message) {
        owner.report(key, message);
        return Optional.empty();
    }
}
