package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.sicfurnace.iolist.ModbusCodec;

/** Decoding what j2mod's master returns, by signal name, through the shared codec. */
final class ModbusCodecs {
    private ModbusCodecs() {
    }

    static double decode(ServerFixture fixture, String name, InputRegister[] registers) {
        int[] words = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return ModbusCodec.decode(ServerFixture.modbus(fixture.furnace.signals().get(fixture.furnace.index(name))),
                words, 0);
    }
}
