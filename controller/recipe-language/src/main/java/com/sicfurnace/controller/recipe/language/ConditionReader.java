package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Condition;
import com.sicfurnace.controller.recipe.ConditionVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads a wait step's {@code until: {pressure_mbar: {below: 5e-5}, ...}}. */
final class ConditionReader {
    private static final Map<String, Condition.Comparison> COMPARISONS =
            Map.of("below", Condition.Comparison.BELOW, "above", Condition.Comparison.ABOVE);
    private static final List<String> COMPARISON_NAMES = List.of("below", "above");

    private ConditionReader() {
    }

    /** The conditions in file order; empty if {@code until} is missing or unusable (already reported). */
    static Optional<List<Condition>> read(MappingReader step) {
        Optional<MappingReader> until = step.required("until").mapping("{pressure_mbar: {below: 5e-5}}");
        if (until.isEmpty()) {
            return Optional.empty();
        }
        MappingReader variables = until.get();
        variables.checkKeys(List.copyOf(YamlNames.CONDITION_VARIABLES.keySet()));
        if (variables.keyLines().isEmpty()) {
            step.report("until", "must name at least one condition, like {pressure_mbar: {below: 5e-5}}");
            return Optional.empty();
        }
        List<Condition> conditions = new ArrayList<>();
        for (String name : variables.keyLines().keySet()) {
            ConditionVariable variable = YamlNames.CONDITION_VARIABLES.get(name);
            if (variable != null) {
                condition(variables, variable).ifPresent(conditions::add);
            }
        }
        return Optional.of(conditions);
    }

    private static Optional<Condition> condition(MappingReader until, ConditionVariable variable) {
        String name = variable.yamlName();
        Optional<MappingReader> test = until.optional(name).mapping("{below: 5e-5} or {above: 1800}");
        if (test.isEmpty()) {
            return Optional.empty();
        }
        test.get().checkKeys(COMPARISON_NAMES);
        List<String> given = COMPARISON_NAMES.stream().filter(test.get()::has).toList();
        if (given.size() != 1) {
            until.report(name, "give exactly one of below or above");
            return Optional.empty();
        }
        OptionalDouble threshold = test.get().optional(given.get(0)).number(Range.ANY);
        if (threshold.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Condition(variable, COMPARISONS.get(given.get(0)), threshold.getAsDouble()));
    }
}
