package com.sicfurnace.iolist;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the I/O list.
 *
 * @param name       unique signal name, with its unit as suffix (e.g. {@code pyro_top_c})
 * @param minimum    lowest value the instrument or actuator can carry, in {@code unit}
 * @param maximum    highest value, in {@code unit}
 * @param device     field device that owns the signal (the PLC, a power supply, an MFC, ...)
 * @param nodeId     OPC UA node id for OPC UA signals, empty for Modbus
 * @param modbus     Modbus address for Modbus signals, empty for OPC UA
 * @param furnaces   furnace variants that have this signal; empty means every variant
 */
public record SignalSpec(String name, String description, Direction direction, String unit, double minimum,
                         double maximum, String device, Protocol protocol, DataType dataType,
                         Optional<String> nodeId, Optional<ModbusAddress> modbus, ScanClass scanClass,
                         Set<String> furnaces) {

    public SignalSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(dataType, "dataType");
        furnaces = Set.copyOf(furnaces);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name '" + name + "' must be lower snake_case");
        }
        if (!(minimum < maximum)) {
            throw new IllegalArgumentException("min " + minimum + " must be below max " + maximum);
        }
        if (dataType.protocol() != protocol) {
            throw new IllegalArgumentException("data_type " + dataType.name().toLowerCase() + " is not used with "
                    + protocol.name().toLowerCase());
        }
        if (protocol == Protocol.OPCUA && nodeId.isEmpty()) {
            throw new IllegalArgumentException("an opcua signal needs a node id in 'address'");
        }
        if (protocol == Protocol.MODBUS && modbus.isEmpty()) {
            throw new IllegalArgumentException("a modbus signal needs unit_id, table and a register address");
        }
        modbus.ifPresent(address -> requireWritableTableForOutputs(direction, address));
    }

    private static void requireWritableTableForOutputs(Direction direction, ModbusAddress address) {
        if (address.table().writable() != (direction == Direction.OUT)) {
            throw new IllegalArgumentException((direction == Direction.OUT ? "an output" : "an input")
                    + " cannot live in table " + address.table().name().toLowerCase());
        }
    }

    public boolean isBoolean() {
        return dataType.isBoolean();
    }

    public boolean appliesTo(String furnace) {
        return furnaces.isEmpty() || furnaces.contains(furnace);
    }

    /** True if {@code value} lies within the signal's range, both ends included. */
    public boolean inRange(double value) {
        return value >= minimum && value <= maximum;
    }
}
