package com.sicfurnace.iolist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ModbusCodecTest {
    private static ModbusAddress address(DataType type, WordOrder order, double scale) {
        ModbusTable table = ModbusTable.INPUT_REGISTER;
        return new ModbusAddress(1, table, 0, type, order, scale);
    }

    @Test
    void float32BigEndianPutsTheHighWordFirst() {
        // 20.5f = 0x41A40000
        assertArrayEquals(new int[] {0x41A4, 0x0000}, ModbusCodec.encode(address(DataType.FLOAT32, WordOrder.ABCD, 1),
                20.5));
        assertArrayEquals(new int[] {0x0000, 0x41A4}, ModbusCodec.encode(address(DataType.FLOAT32, WordOrder.CDAB, 1),
                20.5));
    }

    @Test
    void float32RoundTripsInBothWordOrders() {
        for (WordOrder order : WordOrder.values()) {
            ModbusAddress a = address(DataType.FLOAT32, order, 1);
            for (double v : new double[] {0.0, -1.5, 2350.25, 3.0e-5, 9999.5}) {
                assertEquals((float) v, ModbusCodec.decode(a, ModbusCodec.encode(a, v), 0), 0.0, order + " " + v);
            }
        }
    }

    @Test
    void theWrongWordOrderGivesAWildlyWrongValue() {
        ModbusAddress abcd = address(DataType.FLOAT32, WordOrder.ABCD, 1);
        ModbusAddress cdab = address(DataType.FLOAT32, WordOrder.CDAB, 1);
        double misread = ModbusCodec.decode(cdab, ModbusCodec.encode(abcd, 2345.6), 0);
        assertEquals(true, Math.abs(misread - 2345.6) > 1000 || Math.abs(misread) < 1e-3, "misread as " + misread);
    }

    @Test
    void scaledIntegersRoundAndKeepTheirSign() {
        ModbusAddress temperature = address(DataType.INT16, null, 0.1);
        assertArrayEquals(new int[] {0xFFFB}, ModbusCodec.encode(temperature, -0.5));
        assertEquals(-0.5, ModbusCodec.decode(temperature, new int[] {0xFFFB}, 0), 1e-12);
        assertEquals(21.3, ModbusCodec.decode(temperature, ModbusCodec.encode(temperature, 21.34), 0), 1e-12);
        ModbusAddress flow = address(DataType.UINT16, null, 0.001);
        assertArrayEquals(new int[] {15000}, ModbusCodec.encode(flow, 15.0));
        assertEquals(65.535, ModbusCodec.decode(flow, new int[] {0xFFFF}, 0), 1e-9);
    }

    @Test
    void valuesBeyondTheRegisterAreRefusedWithTheirLimits() {
        ModbusAddress flow = address(DataType.UINT16, null, 0.001);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModbusCodec.encode(flow, 70.0));
        assertEquals("value 70.0 does not fit uint16 with scale 0.001 (raw 0..65535)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModbusCodec.encode(flow, -0.01));
        assertThrows(IllegalArgumentException.class, () -> ModbusCodec.encode(flow, Double.NaN));
    }

    @Test
    void shippedListEncodesEveryRegisterSignalAtBothEndsOfItsRange() {
        for (SignalSpec spec : IoList.fromClasspath().signals()) {
            spec.modbus().filter(a -> !a.dataType().isBoolean()).ifPresent(a -> {
                for (double v : new double[] {spec.minimum(), spec.maximum()}) {
                    double back = ModbusCodec.decode(a, ModbusCodec.encode(a, v), 0);
                    assertEquals(v, back, Math.max(Math.abs(v) * 1e-6, a.scale() / 2), spec.name());
                }
            });
        }
    }
}
