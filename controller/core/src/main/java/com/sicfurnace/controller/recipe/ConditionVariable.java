package com.sicfurnace.controller.recipe;

/** Process values that a wait step may test. */
public enum ConditionVariable {
    PRESSURE_MBAR("pressure_mbar"),
    SEED_C("seed_c"),
    SOURCE_C("source_c"),
    INSULATION_C("insulation_c"),
    TURBO_SPEED_PCT("turbo_speed_pct");

    private final String yamlName;

    ConditionVariable(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
