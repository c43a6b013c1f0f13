package com.sicfurnace.iolist;

import java.util.Locale;

/**
 * How a signal is encoded on the wire. OPC UA signals use the built-in types DOUBLE, BOOLEAN and UINT32;
 * Modbus signals use FLOAT32 (two registers), INT16/UINT16 (one register, optionally scaled) and BOOL (a coil
 * or a discrete input).
 */
public enum DataType {
    DOUBLE(Protocol.OPCUA, 0),
    BOOLEAN(Protocol.OPCUA, 0),
    UINT32(Protocol.OPCUA, 0),
    FLOAT32(Protocol.MODBUS, 2),
    INT16(Protocol.MODBUS, 1),
    UINT16(Protocol.MODBUS, 1),
    BOOL(Protocol.MODBUS, 1);

    private final Protocol protocol;
    private final int modbusWidth;

    DataType(Protocol protocol, int modbusWidth) {
        this.protocol = protocol;
        this.modbusWidth = modbusWidth;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Registers (or bits, for BOOL) that one value occupies in a Modbus table. */
    public int modbusWidth() {
        return modbusWidth;
    }

    public boolean isBoolean() {
        return this == BOOLEAN || this == BOOL;
    }

    static DataType parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data_type must be one of double, boolean, uint32, float32, int16, "
                    + "uint16, bool, not '" + text + "'", e);
        }
    }
}
