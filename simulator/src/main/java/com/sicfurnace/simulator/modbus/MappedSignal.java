package com.sicfurnace.simulator.modbus;

import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.ModbusAddress;
import com.sicfurnace.iolist.ModbusCodec;
import com.sicfurnace.iolist.SignalSpec;

/**
 * One Modbus signal of the I/O list as its device holds it: where it lives, how it is encoded ({@link ModbusCodec}
 * does all encoding) and its index in the {@link com.sicfurnace.simulator.plant.SimulatedFurnace}.
 */
record MappedSignal(SignalSpec spec, ModbusAddress address, int index) {

    MappedSignal {
        if (!address.table().holdsBits()) {
            requireEncodableRange(spec, address);
        }
    }

    static MappedSignal of(SignalSpec spec, int index) {
        return new MappedSignal(spec, spec.modbus().orElseThrow(
                () -> new IllegalArgumentException("signal '" + spec.name() + "' is not a Modbus signal")), index);
    }

    /** Fails at start-up, not at the first read, if the list gives a range that the register cannot carry. */
    private static void requireEncodableRange(SignalSpec spec, ModbusAddress address) {
        try {
            ModbusCodec.encode(address, spec.minimum());
            ModbusCodec.encode(address, spec.maximum());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signal '" + spec.name() + "': its range " + spec.minimum() + ".."
                    + spec.maximum() + " cannot be encoded: " + e.getMessage(), e);
        }
    }

    String name() {
        return spec.name();
    }

    int start() {
        return address.address();
    }

    /** First address after the signal. */
    int end() {
        return address.end();
    }

    /** The registers that carry a value read from the furnace. */
    int[] encode(double value) {
        return ModbusCodec.encode(address, saturated(value));
    }

    /**
     * Instruments with a scaled integer output saturate at the ends of their range (io-list.md, "Ranges"). Without
     * this, a flow reading that noise pushes just below zero could not be encoded as uint16. float32 carries any
     * value, and outputs read back exactly what was written.
     */
    private double saturated(double value) {
        if (spec.direction() == Direction.OUT || address.dataType() == DataType.FLOAT32) {
            return value;
        }
        return Math.max(spec.minimum(), Math.min(spec.maximum(), value));
    }

    /**
     * The value to write for the registers of a write request, checked against the signal's range.
     *
     * @throws IllegalValueException if the value is NaN or outside the range
     */
    double writeValue(int[] words, int offset) {
        double value = ModbusCodec.decode(address, words, offset);
        double slack = rangeSlack();
        if (Double.isNaN(value) || value < spec.minimum() - slack || value > spec.maximum() + slack) {
            throw new IllegalValueException("value " + value + " for '" + name() + "' is outside its range "
                    + spec.minimum() + ".." + spec.maximum() + " " + spec.unit());
        }
        // Clamp away the slack so that the furnace, which checks the range exactly, accepts the value.
        return Math.max(spec.minimum(), Math.min(spec.maximum(), value));
    }

    /**
     * The range is checked at the resolution of the wire: raw 300 x scale 0.1 decodes to 30.000000000000004, and
     * (float) of a range end may lie just outside it. Both mean the range end and must be accepted.
     */
    private double rangeSlack() {
        if (address.dataType() == DataType.FLOAT32) {
            return Math.ulp((float) Math.max(Math.abs(spec.minimum()), Math.abs(spec.maximum())));
        }
        return address.scale() * 1e-6;
    }

    @Override
    public String toString() {
        return name() + " (" + address.table().name().toLowerCase() + " " + start()
                + (end() - start() > 1 ? ".." + (end() - 1) : "") + ")";
    }
}
