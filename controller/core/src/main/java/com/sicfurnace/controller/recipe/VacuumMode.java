package com.sicfurnace.controller.recipe;

/**
 * What the vacuum system does during a step.
 * <ul>
 *   <li>VENT: pumps isolated, vent valve open: the chamber fills with nitrogen to atmosphere.</li>
 *   <li>ROUGH: roughing pump through the roughing line, throttle fully open.</li>
 *   <li>HIGH_VACUUM: rough, then the turbo pump behind the gate valve.</li>
 *   <li>ISOLATED: every valve closed (leak-rate check, static gas).</li>
 *   <li>PROCESS: gas in through the MFCs, pressure held by the throttle valve in the roughing line.</li>
 * </ul>
 */
public enum VacuumMode {
    VENT("vent"), ROUGH("rough"), HIGH_VACUUM("high-vacuum"), ISOLATED("isolated"), PROCESS("process");

    private final String yamlName;

    VacuumMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
