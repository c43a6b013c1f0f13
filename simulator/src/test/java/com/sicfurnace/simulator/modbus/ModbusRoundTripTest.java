package com.sicfurnace.simulator.modbus;

import static com.sicfurnace.simulator.modbus.ServerFixture.modbus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.ModbusAddress;
import com.sicfurnace.iolist.ModbusCodec;
import com.sicfurnace.iolist.ModbusTable;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Modbus signal of the I/O list, both furnace variants, through a real socket and j2mod's master. */
class ModbusRoundTripTest {
    private ServerFixture fixture;
    private ModbusTCPMaster master;

    private void start(String variant) throws Exception {
        fixture = new ServerFixture(variant);
        master = fixture.master(1000);
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.disconnect();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void servesOneUnitIdPerDeviceOfTheVariant(String variant) throws Exception {
        start(variant);
        Set<Integer> expected = IoList.fromClasspath().forFurnace(variant).signals().stream()
                .filter(s -> s.protocol() == Protocol.MODBUS)
                .map(s -> modbus(s).unitId())
                .collect(Collectors.toSet());
        assertEquals(expected, fixture.server.unitIds());
        assertEquals(variant.equals("8inch"), fixture.server.unitIds().contains(2), "unit 2 is the second zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everyInputReadsAsTheFurnaceHasIt(String variant) throws Exception {
        start(variant);
        heatUpALittle();
        int checked = 0;
        int nonZero = 0;
        for (SignalSpec spec : fixture.modbusSignals()) {
            if (spec.direction() != Direction.IN) {
                continue;
            }
            double expected = fixture.read(spec.name());
            double actual = readThroughModbus(spec);
            assertEquals(expected, actual, resolution(spec, expected), spec.name());
            checked++;
            nonZero += actual != 0.0 ? 1 : 0;
        }
        assertEquals(countModbus(variant, Direction.IN), checked);
        assertTrue(nonZero > checked / 2, "most readings are live values, not zeros: " + nonZero + "/" + checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everyOutputWrittenThroughModbusReachesTheFurnaceAndReadsBack(String variant) throws Exception {
        start(variant);
        int checked = 0;
        for (SignalSpec spec : fixture.modbusSignals()) {
            if (spec.direction() != Direction.OUT) {
                continue;
            }
            if (spec.isBoolean()) {
                roundTripCoil(spec);
            } else {
                roundTripRegister(spec);
            }
            checked++;
        }
        assertEquals(countModbus(variant, Direction.OUT), checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void oneRequestWritesAndReadsSeveralCoils(String variant) throws Exception {
        start(variant);
        BitVector enableNotReset = new BitVector(2);
        enableNotReset.setBit(0, true);
        master.writeMultipleCoils(1, 0, enableNotReset);                                 // FC15, coils 0..1
        assertEquals(1.0, fixture.read("ps1_output_enable"));
        assertEquals(0.0, fixture.read("ps1_fault_reset"));
        BitVector back = master.readCoils(1, 0, 2);
        assertTrue(back.getBit(0));
        assertEquals(false, back.getBit(1));
    }

    private void roundTripCoil(SignalSpec spec) throws Exception {
        ModbusAddress a = modbus(spec);
        master.writeCoil(a.unitId(), a.address(), true);                        // FC5
        assertEquals(1.0, fixture.read(spec.name()), spec.name());
        assertTrue(master.readCoils(a.unitId(), a.address(), 1).getBit(0), spec.name());   // FC1
        master.writeMultipleCoils(a.unitId(), a.address(), new BitVector(1));   // FC15, false
        assertEquals(0.0, fixture.read(spec.name()), spec.name());
        assertEquals(false, master.readCoils(a.unitId(), a.address(), 1).getBit(0), spec.name());
    }

    private void roundTripRegister(SignalSpec spec) throws Exception {
        ModbusAddress a = modbus(spec);
        double first = spec.minimum() + 0.37 * (spec.maximum() - spec.minimum());
        if (a.dataType() == DataType.FLOAT32) {
            master.writeMultipleRegisters(a.unitId(), a.address(), registers(a, first));   // FC16
        } else {
            master.writeSingleRegister(a.unitId(), a.address(), registers(a, first)[0]);  // FC6
        }
        assertWrittenAndReadBack(spec, first);
        double second = spec.minimum() + 0.81 * (spec.maximum() - spec.minimum());
        master.writeMultipleRegisters(a.unitId(), a.address(), registers(a, second));      // FC16
        assertWrittenAndReadBack(spec, second);
    }

    private void assertWrittenAndReadBack(SignalSpec spec, double written) throws Exception {
        double inFurnace = fixture.read(spec.name());
        assertEquals(written, inFurnace, resolution(spec, written), spec.name() + " in the furnace");
        ModbusAddress a = modbus(spec);
        Register[] back = master.readMultipleRegisters(a.unitId(), a.address(), a.dataType().modbusWidth()); // FC3
        assertEquals(inFurnace, ModbusCodec.decode(a, words(back), 0), resolution(spec, inFurnace),
                spec.name() + " read back");
    }

    private double readThroughModbus(SignalSpec spec) throws Exception {
        ModbusAddress a = modbus(spec);
        if (a.table() == ModbusTable.DISCRETE_INPUT) {
            return master.readInputDiscretes(a.unitId(), a.address(), 1).getBit(0) ? 1.0 : 0.0;   // FC2
        }
        InputRegister[] registers = master.readInputRegisters(a.unitId(), a.address(),
                a.dataType().modbusWidth());                                                          // FC4
        return ModbusCodec.decode(a, words(registers), 0);
    }

    /** What the encoding can carry: float precision, or half a scale step. Booleans are exact. */
    private static double resolution(SignalSpec spec, double value) {
        ModbusAddress a = modbus(spec);
        if (spec.isBoolean()) {
            return 0.0;
        }
        return a.dataType() == DataType.FLOAT32 ? Math.ulp((float) value) : a.scale() / 2 + 1e-12;
    }

    private static Register[] registers(ModbusAddress a, double value) {
        int[] words = ModbusCodec.encode(a, value);
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new SimpleRegister(words[i]);
        }
        return registers;
    }

    static int[] words(InputRegister[] registers) {
        int[] words = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return words;
    }

    private static long countModbus(String variant, Direction direction) {
        return IoList.fromClasspath().forFurnace(variant).signals().stream()
                .filter(s -> s.protocol() == Protocol.MODBUS && s.direction() == direction).count();
    }

    /** Pumps, chiller and a little heater power, so that the readings are live values rather than zeros. */
    private void heatUpALittle() {
        synchronized (fixture.furnace) {
            fixture.furnace.write("chiller_supply_sp_c", 20.0);
            fixture.furnace.write("roughing_pump_run_cmd", 1.0);
            fixture.furnace.write("roughing_valve_open_cmd", 1.0);
            fixture.furnace.write("heater_enable", 1.0);
            fixture.furnace.write("ps1_power_sp_kw", 8.0);
            fixture.furnace.write("ps1_output_enable", 1.0);
            if (fixture.furnace.signals().stream().anyMatch(s -> s.name().equals("ps2_power_sp_kw"))) {
                fixture.furnace.write("ps2_power_sp_kw", 6.0);
                fixture.furnace.write("ps2_output_enable", 1.0);
            }
            fixture.furnace.write("gas_valve_open_cmd", 1.0);
            fixture.furnace.write("ar_flow_sp_sccm", 500.0);
            fixture.furnace.write("n2_flow_sp_sccm", 2.5);
            for (int i = 0; i < 60; i++) {
                fixture.furnace.write("controller_heartbeat", i);  // keeps the PLC watchdog from tripping
                fixture.furnace.advance(1.0);
            }
        }
    }
}
