package com.sicfurnace.iolist;

/** The four Modbus data tables. */
public enum ModbusTable {
    COIL(true, true),
    DISCRETE_INPUT(true, false),
    INPUT_REGISTER(false, false),
    HOLDING_REGISTER(false, true);

    private final boolean bits;
    private final boolean writable;

    ModbusTable(boolean bits, boolean writable) {
        this.bits = bits;
        this.writable = writable;
    }

    public boolean holdsBits() {
        return bits;
    }

    public boolean writable() {
        return writable;
    }

    static ModbusTable parse(String text) {
        return switch (text) {
            case "coil" -> COIL;
            case "discrete_input" -> DISCRETE_INPUT;
            case "input_register" -> INPUT_REGISTER;
            case "holding_register" -> HOLDING_REGISTER;
            default -> throw new IllegalArgumentException(
                    "table must be coil, discrete_input, input_register or holding_register, not '" + text + "'");
        };
    }
}
