package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.Register;

/**
 * Values that {@link UnitImage} hands to j2mod: copies taken under the furnace's lock, because j2mod serialises a
 * response after the image call returns, when the simulation thread may already have moved the model. They refuse
 * to be set: writes go through {@link UnitImage#writeRegisters} and {@link UnitImage#writeCoils}, which check the
 * whole request before anything is written.
 */
final class Snapshots {
    private Snapshots() {
    }

    static Register[] registers(int[] words) {
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new Word(words[i]);
        }
        return registers;
    }

    static Bit[] bits(boolean[] values) {
        Bit[] bits = new Bit[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = new Bit(values[i]);
        }
        return bits;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a read snapshot cannot be written; writes go through UnitImage");
    }

    /** One register, 0..65535. */
    record Word(int value) implements Register {
        @Override
        public int getValue() {
            return value & 0xFFFF;
        }

        @Override
        public int toUnsignedShort() {
            return value & 0xFFFF;
        }

        @Override
        public short toShort() {
            return (short) value;
        }

        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) (value >> 8), (byte) value};
        }

        @Override
        public void setValue(int v) {
            throw readOnly();
        }

        @Override
        public void setValue(short s) {
            throw readOnly();
        }

        @Override
        public void setValue(byte[] bytes) {
            throw readOnly();
        }
    }

    /** One coil or discrete input. */
    record Bit(boolean value) implements DigitalOut {
        @Override
        public boolean isSet() {
            return value;
        }

        @Override
        public void set(boolean b) {
            throw readOnly();
        }
    }
}
