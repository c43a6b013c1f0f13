package com.sicfurnace.iolist;

import java.util.Objects;

/**
 * Where a Modbus signal lives: unit id, table, zero-based protocol address, encoding, word order (for 32-bit
 * values) and scale (engineering value = raw value x scale; 1 for unscaled values).
 */
public record ModbusAddress(int unitId, ModbusTable table, int address, DataType dataType, WordOrder wordOrder,
                            double scale) {
    public ModbusAddress {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(dataType, "dataType");
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unit_id must be 1..247, not " + unitId);
        }
        if (address < 0 || address > 65535 - dataType.modbusWidth() + 1) {
            throw new IllegalArgumentException("register address must be 0..65535, not " + address);
        }
        if (dataType.protocol() != Protocol.MODBUS) {
            throw new IllegalArgumentException("data_type " + dataType.name().toLowerCase() + " is not used with modbus");
        }
        if (dataType.isBoolean() != table.holdsBits()) {
            throw new IllegalArgumentException("data_type " + dataType.name().toLowerCase() + " does not fit table "
                    + table.name().toLowerCase());
        }
        if (dataType == DataType.FLOAT32 && wordOrder == null) {
            throw new IllegalArgumentException("float32 needs a word_order (ABCD or CDAB)");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, not " + scale);
        }
    }

    /** First register or bit after this signal: signals in the same unit and table must not overlap. */
    public int end() {
        return address + dataType.modbusWidth();
    }
}
