package com.sicfurnace.controller.recipe.language;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The four kinds of step, the fields each one takes, and why the others do not apply. */
enum StepType {
    RAMP("ramp"), SOAK("soak"), WAIT("wait"), LEAK_CHECK("leak-check");

    static final List<String> PACES = List.of("time", "rate_c_per_h", "rate_kw_per_h");

    private static final List<String> IDENTITY = List.of("name", "type");
    private static final List<String> MODES = List.of("heater", "vacuum");
    private static final List<String> HEATER_TARGETS = List.of("seed_c", "source_c", "power_kw");
    private static final List<String> GAS_TARGETS = List.of("pressure_mbar", "ar_sccm", "n2_sccm");
    private static final List<String> HOLDBACK = List.of("holdback");

    /** Every field of any step type, so that a misplaced field is not called unknown. */
    static final List<String> ALL_FIELDS = allFields();

    private final String yamlName;

    StepType(String yamlName) {
        this.yamlName = yamlName;
    }

    String yamlName() {
        return yamlName;
    }

    /** The fields this type takes, in the order the documentation lists them. */
    List<String> fields() {
        return switch (this) {
            case RAMP -> join(List.of(IDENTITY, MODES, HEATER_TARGETS, GAS_TARGETS, HOLDBACK, PACES));
            case SOAK -> join(List.of(IDENTITY, MODES, GAS_TARGETS, HOLDBACK, List.of("duration")));
            case WAIT -> join(List.of(IDENTITY, MODES, GAS_TARGETS, List.of("until", "timeout", "on_timeout")));
            case LEAK_CHECK -> join(List.of(IDENTITY,
                    List.of("heater", "duration", "max_leak_rate_mbar_l_per_s", "settle", "linear_ratio",
                            "on_fail")));
        };
    }

    /** Why a field of some other step type does not apply to this one; empty if it does apply. */
    Optional<String> whyNotApplicable(String field) {
        if (fields().contains(field)) {
            return Optional.empty();
        }
        if (this == LEAK_CHECK && (HEATER_TARGETS.contains(field) || GAS_TARGETS.contains(field))) {
            return Optional.of("a leak-check step takes no targets");
        }
        if (this == LEAK_CHECK && field.equals("vacuum")) {
            return Optional.of("a leak-check step isolates the chamber itself and takes no vacuum setting");
        }
        if (HEATER_TARGETS.contains(field)) {
            return Optional.of("a " + yamlName + " step cannot change " + field + "; use a ramp");
        }
        if (HOLDBACK.contains(field)) {
            return Optional.of("holdback applies only to ramp and soak steps");
        }
        return Optional.of("does not apply to a " + yamlName + " step");
    }

    private static List<String> join(List<List<String>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }

    private static List<String> allFields() {
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        for (StepType type : values()) {
            fields.addAll(type.fields());
        }
        return List.copyOf(fields);
    }
}
