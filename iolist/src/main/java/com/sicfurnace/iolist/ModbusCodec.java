package com.sicfurnace.iolist;

/**
 * Encoding of engineering values in Modbus registers, as the I/O list specifies per signal: float32 in two
 * registers in the signal's word order, int16/uint16 in one register as {@code round(value / scale)}. Registers are
 * 16-bit unsigned values (0..65535). Both the simulator's devices and the controller's master use this class, so
 * that they cannot disagree about the wire format.
 */
public final class ModbusCodec {
    private static final int WORD = 0xFFFF;

    private ModbusCodec() {
    }

    /** The registers that carry {@code value} for a register signal. */
    public static int[] encode(ModbusAddress address, double value) {
        return switch (address.dataType()) {
            case FLOAT32 -> float32(Float.floatToIntBits((float) value), address.wordOrder());
            case INT16 -> new int[] {scaled(address, value, Short.MIN_VALUE, Short.MAX_VALUE) & WORD};
            case UINT16 -> new int[] {scaled(address, value, 0, WORD)};
            default -> throw new IllegalArgumentException(address.dataType() + " is not carried in registers");
        };
    }

    /** The engineering value in {@code registers[offset..]} for a register signal. */
    public static double decode(ModbusAddress address, int[] registers, int offset) {
        return switch (address.dataType()) {
            case FLOAT32 -> Float.intBitsToFloat(bits(registers[offset], registers[offset + 1], address.wordOrder()));
            case INT16 -> (short) registers[offset] * address.scale();
            case UINT16 -> (registers[offset] & WORD) * address.scale();
            default -> throw new IllegalArgumentException(address.dataType() + " is not carried in registers");
        };
    }

    private static int[] float32(int bits, WordOrder order) {
        int high = (bits >>> 16) & WORD;
        int low = bits & WORD;
        return order == WordOrder.ABCD ? new int[] {high, low} : new int[] {low, high};
    }

    private static int bits(int first, int second, WordOrder order) {
        int high = order == WordOrder.ABCD ? first : second;
        int low = order == WordOrder.ABCD ? second : first;
        return ((high & WORD) << 16) | (low & WORD);
    }

    private static int scaled(ModbusAddress address, double value, int min, int max) {
        long raw = Math.round(value / address.scale());
        if (Double.isNaN(value) || raw < min || raw > max) {
            throw new IllegalArgumentException("value " + value + " does not fit " + address.dataType().name()
                    .toLowerCase() + " with scale " + address.scale() + " (raw " + min + ".." + max + ")");
        }
        return (int) raw;
    }
}
