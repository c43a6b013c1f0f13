package com.sicfurnace.controller.recipe;

/** How a step drives the heater: off, open-loop power, or closed-loop temperature control. */
public enum HeaterMode {
    OFF("off"), POWER("power"), TEMPERATURE("temperature");

    private final String yamlName;

    HeaterMode(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in recipe files. */
    public String yamlName() {
        return yamlName;
    }
}
