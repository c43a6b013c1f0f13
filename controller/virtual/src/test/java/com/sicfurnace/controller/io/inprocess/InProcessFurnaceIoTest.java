package com.sicfurnace.controller.io.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-process binding under communication faults: what a lost, failing or restarting device looks like to the
 * core (stale or BAD inputs of that device only) and to the furnace (no outputs while out of reach).
 */
class InProcessFurnaceIoTest {
    private final IoList sixInch = IoList.fromClasspath().forFurnace("6inch");
    private SimulatedFurnace furnace;
    private InProcessLinks links;
    private InProcessFurnaceIo io;
    private ProcessImage image;
    private OutputImage out;

    @BeforeEach
    void bind() {
        furnace = new SimulatedFurnace(FurnaceConfigs.shipped("6inch"), 1L, 0.1);
        links = new InProcessLinks(furnace.signals());
        io = new InProcessFurnaceIo(furnace, links);
        image = new ProcessImage(sixInch);
        out = new OutputImage();
        // the outputs as the furnace holds them, so that the first write changes nothing
        for (SignalSpec s : sixInch.signals()) {
            if (s.direction() == Direction.OUT) {
                out.set(Signal.byIoName(s.name()), furnace.read(s.name()));
            }
        }
        io.writeOutputs(out);
    }

    @Test
    void aSilentModbusUnitStalesItsDevicesInputsOnlyAndTakesNoOutputsUntilItAnswers() {
        links.modbusUnit(6, "silent");
        io.readInputs(image);
        assertEquals(Quality.STALE, image.quality(Signal.WATER_COIL_FLOW_LPM));
        assertEquals(Quality.STALE, image.quality(Signal.CHILLER_RUNNING));
        assertTrue(image.usable(Signal.CDG_PRESSURE_MBAR), "the gauges still answer");
        assertTrue(image.usable(Signal.LID_CLOSED), "the PLC still answers");
        out.set(Signal.CHILLER_SUPPLY_SP_C, 25.0);
        io.writeOutputs(out);
        assertEquals(20.0, furnace.read("chiller_supply_sp_c"), "a silent chiller took no setpoint");
        links.modbusUnit(6, "normal");
        io.readInputs(image);
        assertTrue(image.usable(Signal.WATER_COIL_FLOW_LPM), "fresh again");
        io.writeOutputs(out);
        assertEquals(25.0, furnace.read("chiller_supply_sp_c"), "written once it answers");
    }

    @Test
    void aUnitAnsweringExceptionsGivesBadInputsAndTakesNoOutputs() {
        links.modbusUnit(3, "exception");
        io.readInputs(image);
        assertEquals(Quality.BAD, image.quality(Signal.AR_FLOW_SCCM));
        assertTrue(Double.isNaN(image.value(Signal.AR_FLOW_SCCM)));
        out.set(Signal.AR_FLOW_SP_SCCM, 500.0);
        io.writeOutputs(out);
        assertEquals(0.0, furnace.read("ar_flow_sp_sccm"));
    }

    @Test
    void anOpcUaRestartTakesThePlcOutOfReachForItsOutageAndAStopUntilTheStart() {
        links.advanceTo(100.0);
        links.opcua("restart");
        links.advanceTo(100.0 + InProcessLinks.OPCUA_RESTART_OUTAGE_S - 0.1);
        io.readInputs(image);
        assertEquals(Quality.STALE, image.quality(Signal.PYRO_TOP_C));
        assertTrue(image.usable(Signal.PS1_POWER_KW), "the supply is on Modbus and still answers");
        out.set(Signal.CONTROLLER_HEARTBEAT, 7);
        io.writeOutputs(out);
        assertEquals(0.0, furnace.read("controller_heartbeat"), "no heartbeat reaches a PLC out of reach");
        links.advanceTo(100.0 + InProcessLinks.OPCUA_RESTART_OUTAGE_S);
        io.readInputs(image);
        assertTrue(image.usable(Signal.LID_CLOSED));
        io.writeOutputs(out);
        assertEquals(7.0, furnace.read("controller_heartbeat"));

        links.opcua("stop");
        links.advanceTo(1e6);
        io.readInputs(image);
        assertEquals(Quality.STALE, image.quality(Signal.LID_CLOSED), "stopped until started");
        links.opcua("start");
        io.readInputs(image);
        assertTrue(image.usable(Signal.LID_CLOSED));
    }

    @Test
    void droppedModbusConnectionsTakeEveryModbusDeviceOutOfReachForAReconnect() {
        links.advanceTo(50.0);
        links.modbusDropConnections();
        io.readInputs(image);
        for (Signal s : new Signal[] {Signal.PS1_POWER_KW, Signal.AR_FLOW_SCCM, Signal.N2_FLOW_SCCM,
            Signal.CDG_PRESSURE_MBAR, Signal.CHILLER_RUNNING}) {
            assertEquals(Quality.STALE, image.quality(s), s.ioName());
        }
        assertTrue(image.usable(Signal.LID_CLOSED), "the PLC is on OPC UA");
        links.advanceTo(50.0 + InProcessLinks.MODBUS_RECONNECT_S);
        io.readInputs(image);
        assertTrue(image.usable(Signal.CDG_PRESSURE_MBAR));
    }

    /** As the PLC answers Bad_OutOfRange: the device keeps its value and the run goes on. */
    @Test
    void aValueTheFurnaceRefusesIsCountedAndTheDeviceKeepsItsLastValue() {
        out.set(Signal.THROTTLE_VALVE_SP_PCT, 40.0);
        io.writeOutputs(out);
        out.set(Signal.THROTTLE_VALVE_SP_PCT, Double.NaN);
        io.writeOutputs(out);
        io.writeOutputs(out);
        assertEquals(2, io.refusedWrites());
        assertEquals(40.0, furnace.read("throttle_valve_sp_pct"));
    }

    @Test
    void aUnitTheFurnaceDoesNotHaveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> links.modbusUnit(2, "silent"));
        assertTrue(e.getMessage().contains("no Modbus unit 2"), e.getMessage());
    }
}
