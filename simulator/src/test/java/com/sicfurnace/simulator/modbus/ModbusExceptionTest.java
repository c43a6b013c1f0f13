package com.sicfurnace.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.sicfurnace.iolist.ModbusCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The exception codes a master sees, and that a refused write leaves the furnace as it was. */
class ModbusExceptionTest {
    private static final int PS1 = 1;
    private static final int MFC_AR = 3;
    private static final int GAUGES = 5;
    private static final int CHILLER = 6;

    private ServerFixture fixture;
    private ModbusTCPMaster master;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture("6inch");
        master = fixture.master(1000);
    }

    @AfterEach
    void stop() {
        master.disconnect();
        fixture.close();
    }

    @Test
    void readingAnAddressNoSignalOccupiesIsCode2() {
        assertCode(2, () -> master.readInputRegisters(PS1, 12, 2));       // after the last reading
        assertCode(2, () -> master.readMultipleRegisters(PS1, 0, 4));     // setpoint is 0..1 only
        assertCode(2, () -> master.readInputDiscretes(PS1, 2, 1));
        assertCode(2, () -> master.readCoils(MFC_AR, 0, 1));              // the MFC has no coils
    }

    @Test
    void readingHalfAFloatIsCode2() {
        assertCode(2, () -> master.readInputRegisters(PS1, 1, 2));        // starts inside ps1_power_kw
        assertCode(2, () -> master.readInputRegisters(PS1, 0, 1));        // ends inside it
        assertCode(2, () -> master.readInputRegisters(PS1, 0, 3));        // ends inside ps1_voltage_v
        assertCode(2, () -> master.readMultipleRegisters(PS1, 1, 1));
    }

    @Test
    void anOutOfRangeFloatIsCode3AndWritesNothing() throws Exception {
        master.writeMultipleRegisters(PS1, 0, float32("ps1_power_sp_kw", 12.5));
        assertCode(3, () -> master.writeMultipleRegisters(PS1, 0, float32("ps1_power_sp_kw", 55.0)));
        assertCode(3, () -> master.writeMultipleRegisters(PS1, 0, float32("ps1_power_sp_kw", Double.NaN)));
        assertCode(3, () -> master.writeMultipleRegisters(PS1, 0, float32("ps1_power_sp_kw", -0.5)));
        assertEquals(12.5, fixture.read("ps1_power_sp_kw"));
        assertEquals(12.5, decode("ps1_power_sp_kw", master.readMultipleRegisters(PS1, 0, 2)));
    }

    @Test
    void anOutOfRangeScaledValueIsCode3AndWritesNothing() throws Exception {
        master.writeSingleRegister(CHILLER, 0, new SimpleRegister(250));                  // 25.0 °C
        assertCode(3, () -> master.writeSingleRegister(CHILLER, 0, new SimpleRegister(301)));   // 30.1 > 30
        assertCode(3, () -> master.writeSingleRegister(CHILLER, 0, new SimpleRegister(0xFFFF))); // -0.1 °C
        assertCode(3, () -> master.writeMultipleRegisters(CHILLER, 0, new Register[] {new SimpleRegister(99)}));
        assertEquals(25.0, fixture.read("chiller_supply_sp_c"), 1e-9);
    }

    @Test
    void theEndsOfARangeAreAcceptedAtTheWireResolution() throws Exception {
        master.writeSingleRegister(CHILLER, 0, new SimpleRegister(300));   // 300 x 0.1 = 30.000000000000004
        assertEquals(30.0, fixture.read("chiller_supply_sp_c"));
        master.writeSingleRegister(CHILLER, 0, new SimpleRegister(100));
        assertEquals(10.0, fixture.read("chiller_supply_sp_c"));
        master.writeMultipleRegisters(PS1, 0, float32("ps1_power_sp_kw", 40.0));
        assertEquals(40.0, fixture.read("ps1_power_sp_kw"));
    }

    @Test
    void aRequestThatIsPartlyIllegalWritesNothing() throws Exception {
        master.writeMultipleRegisters(PS1, 0, float32("ps1_power_sp_kw", 5.0));
        Register[] floatAndOneMore = {new SimpleRegister(0x4120), new SimpleRegister(0), new SimpleRegister(0)};
        assertCode(2, () -> master.writeMultipleRegisters(PS1, 0, floatAndOneMore));   // 10.0 kW, then nothing at 2
        assertEquals(5.0, fixture.read("ps1_power_sp_kw"));

        BitVector threeOn = new BitVector(3);
        threeOn.setBit(0, true);
        threeOn.setBit(1, true);
        threeOn.setBit(2, true);
        assertCode(2, () -> master.writeMultipleCoils(PS1, 0, threeOn));                  // coil 2 does not exist
        assertEquals(0.0, fixture.read("ps1_output_enable"));
        assertEquals(0.0, fixture.read("ps1_fault_reset"));
    }

    @Test
    void writingWhereOnlyAnInputLivesIsCode2() {
        assertCode(2, () -> master.writeMultipleRegisters(PS1, 2, float32("ps1_power_sp_kw", 1.0)));  // IR 2 voltage
        assertCode(2, () -> master.writeSingleRegister(CHILLER, 1, new SimpleRegister(10)));          // IR 1 flow
        assertCode(2, () -> master.writeCoil(GAUGES, 0, true));                                       // DI 0 ion gauge
        assertCode(2, () -> master.writeSingleRegister(PS1, 1, new SimpleRegister(0)));                // half a float
    }

    @Test
    void anUnsupportedFunctionIsCode1() throws Exception {
        master.writeSingleRegister(CHILLER, 0, new SimpleRegister(200));
        assertCode(1, () -> master.maskWriteRegister(CHILLER, 0, 0x0000, 0x0001));   // FC 22
        assertEquals(20.0, fixture.read("chiller_supply_sp_c"), 1e-9);
    }

    @Test
    void anUnknownUnitIdIsCode11AsFromAGateway() {
        assertFalse(fixture.server.unitIds().contains(2), "the 6-inch furnace has no second zone");
        assertCode(11, () -> master.readInputRegisters(2, 0, 2));
        assertCode(11, () -> master.readCoils(99, 0, 1));
    }

    private static void assertCode(int code, Executable request) {
        ModbusSlaveException e = assertThrows(ModbusSlaveException.class, request);
        assertEquals(code, e.getType(), e.getMessage());
    }

    private Register[] float32(String name, double value) {
        int[] words = ModbusCodec.encode(fixture.furnace.signals().get(fixture.furnace.index(name)).modbus()
                .orElseThrow(), value);
        return new Register[] {new SimpleRegister(words[0]), new SimpleRegister(words[1])};
    }

    private double decode(String name, Register[] registers) {
        return ModbusCodec.decode(fixture.furnace.signals().get(fixture.furnace.index(name)).modbus().orElseThrow(),
                ModbusRoundTripTest.words(registers), 0);
    }
}
