package com.sicfurnace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedFurnaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void servesExactlyTheIoListOfItsVariant(String furnace) {
        SimulatedFurnace sim = new SimulatedFurnace(FurnaceConfigs.shipped(furnace), 1, 0.1);
        Set<String> served = sim.signals().stream().map(SignalSpec::name).collect(Collectors.toSet());
        assertEquals(IoList.fromClasspath().forFurnace(furnace).names(), served);
        for (SignalSpec spec : sim.signals()) {
            double value = sim.read(spec.name());
            assertFalse(Double.isNaN(value), spec.name() + " reads a number");
        }
    }

    /**
     * A device reports the setpoint it holds, in range, before anyone writes one: the chiller's 20 °C and the coil
     * lift's 50 mm, not 0 (an independent Modbus client found the chiller setpoint reading 0, below its 10..30).
     */
    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void outputsReadTheCommandTheModelStartsWithBeforeTheirFirstWrite(String furnace) {
        SimulatedFurnace sim = new SimulatedFurnace(FurnaceConfigs.shipped(furnace), 1, 0.1);
        for (SignalSpec spec : sim.signals()) {
            if (spec.direction() == Direction.OUT) {
                assertTrue(spec.inRange(sim.read(spec.name())), spec.name() + " reads " + sim.read(spec.name()));
            }
        }
        assertEquals(20.0, sim.read("chiller_supply_sp_c"));
        if (furnace.equals("6inch")) {
            assertEquals(50.0, sim.read("coil_position_sp_mm"));
        }
        sim.advance(600.0);
        assertEquals(20.0, sim.read("chiller_supply_c"), 0.5, "the chiller holds the setpoint it reports");
        if (furnace.equals("6inch")) {
            assertEquals(50.0, sim.read("coil_position_mm"), 0.01, "the lift holds the setpoint it reports");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void writtenOutputsReadBackAndReachTheModel(String furnace) {
        SimulatedFurnace sim = new SimulatedFurnace(FurnaceConfigs.shipped(furnace), 1, 0.1);
        sim.write("ar_flow_sp_sccm", 2500.0);
        sim.write("gas_valve_open_cmd", 1.0);
        sim.advance(30.0);
        assertEquals(2500.0, sim.read("ar_flow_sp_sccm"));
        assertEquals(2500.0 * 1.001, sim.read("ar_flow_sccm"), 5.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void refusesBadWritesWithTheirReason(String furnace) {
        SimulatedFurnace sim = new SimulatedFurnace(FurnaceConfigs.shipped(furnace), 1, 0.1);
        SignalAccessException input = assertThrows(SignalAccessException.class, () -> sim.write("pyro_top_c", 20));
        assertEquals(SignalAccessException.Reason.NOT_WRITABLE, input.reason());
        assertEquals("signal 'pyro_top_c' is an input and cannot be written", input.getMessage());
        SignalAccessException range = assertThrows(SignalAccessException.class,
                () -> sim.write("ps1_power_sp_kw", 55.0));
        assertEquals(SignalAccessException.Reason.OUT_OF_RANGE, range.reason());
        assertEquals("value 55.0 for 'ps1_power_sp_kw' is outside its range 0.0..40.0 kW", range.getMessage());
        assertThrows(SignalAccessException.class, () -> sim.write("heater_enable", 0.5));
        SignalAccessException unknown = assertThrows(SignalAccessException.class, () -> sim.read("pyro_middle_c"));
        assertEquals(SignalAccessException.Reason.UNKNOWN_SIGNAL, unknown.reason());
    }
}
