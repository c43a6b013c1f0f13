package com.sicfurnace.iolist;

/** The field protocol that carries a signal. */
public enum Protocol {
    OPCUA, MODBUS;

    static Protocol parse(String text) {
        return switch (text) {
            case "opcua" -> OPCUA;
            case "modbus" -> MODBUS;
            default -> throw new IllegalArgumentException("protocol must be 'opcua' or 'modbus', not '" + text + "'");
        };
    }
}
