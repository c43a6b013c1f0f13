package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.ConditionVariable;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.recipe.Holdback;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.recipe.VacuumMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The spelling of each enumerated value in recipe files, in the order messages list them. */
final class YamlNames {
    static final Map<String, HeaterMode> HEATER_MODES = byName(HeaterMode.values(), HeaterMode::yamlName);
    static final Map<String, VacuumMode> VACUUM_MODES = byName(VacuumMode.values(), VacuumMode::yamlName);
    static final Map<String, ConditionVariable> CONDITION_VARIABLES =
            byName(ConditionVariable.values(), ConditionVariable::yamlName);
    static final Map<String, StepType> STEP_TYPES = byName(StepType.values(), StepType::yamlName);
    static final Map<String, Holdback.Type> HOLDBACK_TYPES = byName(Holdback.Type.values(), YamlNames::lowerCase);
    static final Map<String, Step.TimeoutAction> TIMEOUT_ACTIONS =
            byName(Step.TimeoutAction.values(), YamlNames::lowerCase);
    static final Map<String, Step.FailAction> FAIL_ACTIONS = byName(Step.FailAction.values(), YamlNames::lowerCase);

    private YamlNames() {
    }

    private static <E extends Enum<E>> Map<String, E> byName(E[] values, Function<E, String> yamlName) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E value : values) {
            names.put(yamlName.apply(value), value);
        }
        return Collections.unmodifiableMap(names);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
