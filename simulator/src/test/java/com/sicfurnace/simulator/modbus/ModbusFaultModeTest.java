package com.sicfurnace.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.net.BindException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault modes per unit, dropped connections, the connection limit, and close/restart on the same port. */
class ModbusFaultModeTest {
    private static final int TIMEOUT_MS = 300;
    private static final int PS1 = 1;
    private static final int MFC_AR = 3;
    private static final int GAUGES = 5;
    private static final int CHILLER = 6;

    private ServerFixture fixture;
    private final List<ModbusTCPMaster> masters = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture("6inch");
    }

    @AfterEach
    void stop() {
        masters.forEach(ModbusTCPMaster::disconnect);
        fixture.close();
    }

    private ModbusTCPMaster master(int timeoutMs) throws Exception {
        ModbusTCPMaster master = fixture.master(timeoutMs);
        masters.add(master);
        return master;
    }

    @Test
    void aSilentUnitTimesOutWhileAnotherConnectionIsServed() throws Exception {
        ModbusTCPMaster gauges = master(TIMEOUT_MS);
        ModbusTCPMaster supply = master(TIMEOUT_MS);
        gauges.readInputRegisters(GAUGES, 0, 2);
        fixture.server.setUnitMode(GAUGES, UnitMode.SILENT);

        long t0 = System.nanoTime();
        assertThrows(ModbusIOException.class, () -> gauges.readInputRegisters(GAUGES, 0, 2));
        assertTrue(millisSince(t0) >= TIMEOUT_MS - 20, "the master waited for its timeout");
        supply.readInputRegisters(PS1, 0, 12);

        fixture.server.setUnitMode(GAUGES, UnitMode.NORMAL);
        ServerFixture.reconnect(gauges);
        assertEquals((float) fixture.read("cdg_pressure_mbar"),
                (float) ModbusCodecs.decode(fixture, "cdg_pressure_mbar", gauges.readInputRegisters(GAUGES, 0, 2)));
    }

    @Test
    void aRequestDroppedWhileSilentIsNeverAnsweredLater() throws Exception {
        try (RawClient client = new RawClient(fixture.port, TIMEOUT_MS)) {
            fixture.server.setUnitMode(GAUGES, UnitMode.SILENT);
            client.send(1, GAUGES, 0x04, 0x00, 0x00, 0x00, 0x02);
            assertThrows(SocketTimeoutException.class, client::receive);

            fixture.server.setUnitMode(GAUGES, UnitMode.NORMAL);
            client.send(2, GAUGES, 0x04, 0x00, 0x02, 0x00, 0x02);
            assertEquals(2, client.receive().transactionId(), "the next answer is for the next request");
            assertThrows(SocketTimeoutException.class, client::receive, "and nothing else comes");
        }
    }

    @Test
    void closeModeDropsTheConnectionWhenARequestForTheUnitArrives() throws Exception {
        ModbusTCPMaster master = master(2000);
        master.readInputRegisters(CHILLER, 0, 10);
        fixture.server.setUnitMode(CHILLER, UnitMode.CLOSE);
        master.readInputRegisters(PS1, 0, 2);   // other units on the connection still answer

        long t0 = System.nanoTime();
        assertThrows(ModbusIOException.class, () -> master.readInputRegisters(CHILLER, 0, 10));
        assertTrue(millisSince(t0) < 1000, "dropped at once, not timed out after 2 s");
        awaitValue(0, fixture.server::connectionCount);

        fixture.server.setUnitMode(CHILLER, UnitMode.NORMAL);
        ServerFixture.reconnect(master);
        master.readInputRegisters(CHILLER, 0, 10);
    }

    @Test
    void exceptionModeAnswersCode4AndWritesNothing() throws Exception {
        ModbusTCPMaster master = master(TIMEOUT_MS);
        fixture.server.setUnitMode(MFC_AR, UnitMode.EXCEPTION);
        assertEquals(4, slaveCode(() -> master.readInputRegisters(MFC_AR, 0, 2)));
        Register[] setpoint = {new SimpleRegister(0), new SimpleRegister(0x447A)};   // 1000.0 sccm, CDAB
        assertEquals(4, slaveCode(() -> master.writeMultipleRegisters(MFC_AR, 0, setpoint)));
        assertEquals(0.0, fixture.read("ar_flow_sp_sccm"));
        master.readInputRegisters(PS1, 0, 2);

        fixture.server.setUnitMode(MFC_AR, UnitMode.NORMAL);
        master.writeMultipleRegisters(MFC_AR, 0, setpoint);   // an exception answer leaves the connection usable
        assertEquals(1000.0, fixture.read("ar_flow_sp_sccm"));
    }

    @Test
    void droppingAllConnectionsClosesEveryOneAndKeepsAccepting() throws Exception {
        ModbusTCPMaster first = master(TIMEOUT_MS);
        ModbusTCPMaster second = master(TIMEOUT_MS);
        first.readInputRegisters(PS1, 0, 2);
        second.readInputRegisters(CHILLER, 0, 1);

        assertEquals(2, fixture.server.dropConnections());
        assertThrows(ModbusIOException.class, () -> first.readInputRegisters(PS1, 0, 2));
        assertThrows(ModbusIOException.class, () -> second.readInputRegisters(CHILLER, 0, 1));
        awaitValue(0, fixture.server::connectionCount);

        ServerFixture.reconnect(first);
        first.readInputRegisters(PS1, 0, 2);
        assertEquals(1, fixture.server.connectionCount());
    }

    @Test
    void aConnectionBeyondTheLimitIsRefusedAtOnce() throws Exception {
        fixture.close();
        SimulatedFurnace furnace = new SimulatedFurnace(FurnaceConfigs.shipped("6inch"), 1, 0.1);
        int port = FreePort.pick();
        try (ModbusDeviceServer server = ModbusDeviceServer.start(furnace, ServerFixture.LOOPBACK, port,
                ServerFixture.OPTIONS.withMaxConnections(1))) {
            ModbusTCPMaster served = track(new ModbusTCPMaster("127.0.0.1", port, 2000, false, false));
            ServerFixture.connect(served).readInputRegisters(PS1, 0, 2);
            ModbusTCPMaster refused = track(new ModbusTCPMaster("127.0.0.1", port, 2000, false, false));
            ServerFixture.connect(refused);

            long t0 = System.nanoTime();
            assertThrows(ModbusIOException.class, () -> refused.readInputRegisters(PS1, 0, 2));
            assertTrue(millisSince(t0) < 1000, "closed at once, not queued until it times out");
            served.readInputRegisters(PS1, 0, 2);
            assertEquals(1, server.connectionCount());
        }
    }

    @Test
    void closeEndsTheThreadsAndTheSamePortServesAgain() throws Exception {
        ModbusTCPMaster master = master(TIMEOUT_MS);
        master.readInputRegisters(PS1, 0, 2);

        fixture.close();
        assertFalse(serverThreadsAlive(fixture.port), "accept and connection threads have ended");
        assertThrows(ModbusIOException.class, () -> master.readInputRegisters(PS1, 0, 2));

        try (ModbusDeviceServer again = ModbusDeviceServer.start(fixture.furnace, ServerFixture.LOOPBACK,
                fixture.port, ServerFixture.OPTIONS)) {
            ServerFixture.reconnect(master);
            master.readInputRegisters(PS1, 0, 2);
            assertEquals(fixture.port, again.address().getPort());
        }
    }

    @Test
    void aPortInUseOrPortZeroIsRefused() {
        assertThrows(BindException.class, () -> ModbusDeviceServer.start(fixture.furnace, ServerFixture.LOOPBACK,
                fixture.port));
        assertThrows(IllegalArgumentException.class, () -> ModbusDeviceServer.start(fixture.furnace,
                ServerFixture.LOOPBACK, 0));
    }

    @Test
    void modesAreOnlyForUnitsTheFurnaceHas() {
        assertThrows(IllegalArgumentException.class, () -> fixture.server.setUnitMode(2, UnitMode.SILENT));
        fixture.server.setUnitMode(PS1, UnitMode.CLOSE);
        assertEquals(UnitMode.CLOSE, fixture.server.unitMode(PS1));
        assertEquals(UnitMode.NORMAL, fixture.server.unitMode(CHILLER));
    }

    @Test
    void modesParseFromTheirLowerCaseNames() {
        assertEquals(UnitMode.SILENT, UnitMode.parse("silent"));
        assertEquals(UnitMode.EXCEPTION, UnitMode.parse(" Exception "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitMode.parse("mute"));
        assertEquals("Modbus unit mode must be one of [normal, silent, close, exception], not 'mute'", e.getMessage());
    }

    private ModbusTCPMaster track(ModbusTCPMaster master) {
        masters.add(master);
        return master;
    }

    private static int slaveCode(org.junit.jupiter.api.function.Executable request) {
        return assertThrows(ModbusSlaveException.class, request).getType();
    }

    private static boolean serverThreadsAlive(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("modbus-" + port + "-"));
    }

    /** Polls briefly: the server notices a closed connection on its handler thread. */
    private static void awaitValue(int expected, IntSupplier actual) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, actual.getAsInt());
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
