package com.sicfurnace.controller.io.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.iolist.WordOrder;
import com.sicfurnace.simulator.modbus.ModbusDeviceServer;
import com.sicfurnace.simulator.modbus.UnitMode;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The controller's Modbus adapter against the simulator's Modbus server over loopback. */
class ModbusFurnaceIoTest {
    private static final long TIMEOUT_MS = 5000;
    private static final long PERIOD_NANOS = 100_000_000L;
    private SimulatedFurnace furnace;
    private ModbusDeviceServer server;
    private ModbusFurnaceIo io;
    private IoList signals;
    private final OutputImage out = new OutputImage();
    private ProcessImage in;

    private void start(String variant, ModbusSettings.DeviceEndpoint... overrides) throws IOException {
        start(variant, PERIOD_NANOS, overrides);
    }

    private void start(String variant, long periodNanos, ModbusSettings.DeviceEndpoint... overrides)
            throws IOException {
        furnace = new SimulatedFurnace(FurnaceConfigs.shipped(variant), 1, 0.1);
        int port = FreePort.pick();
        server = ModbusDeviceServer.start(furnace, InetAddress.getLoopbackAddress(), port);
        signals = IoList.fromClasspath().forFurnace(variant);
        ModbusSettings base = ModbusSettings.loopback(port);
        Map<String, ModbusSettings.DeviceEndpoint> devices = overrides.length == 0 ? Map.of()
                : Map.of("ps1", overrides[0]);
        io = new ModbusFurnaceIo(signals, new ModbusSettings(base.host(), port, base.timeoutMs(), base.retries(),
                base.reconnectMinMs(), base.reconnectMaxMs(), devices), periodNanos);
        in = new ProcessImage(signals);
    }

    @AfterEach
    void stop() {
        if (io != null) {
            io.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<SignalSpec> modbus(Direction direction) {
        return signals.signals().stream().filter(s -> s.protocol() == Protocol.MODBUS && s.direction() == direction)
                .toList();
    }

    /** Scans (write, then read what the poll delivered) until the condition holds on the inputs. */
    private void scanUntil(Predicate<ProcessImage> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            io.writeOutputs(out);
            Thread.sleep(10);
            io.readInputs(in);
            if (condition.test(in)) {
                return;
            }
        }
        throw new AssertionError("not within " + TIMEOUT_MS + " ms: " + what);
    }

    private boolean allFresh(ProcessImage image) {
        return modbus(Direction.IN).stream().allMatch(s -> image.quality(Signal.byIoName(s.name())) != Quality.STALE);
    }

    /**
     * At 60 times real speed a scan lasts 1.7 ms of wall time while a silent unit holds its gateway for a whole
     * request timeout: only the silent unit's signals may go stale, never its neighbours' on the same gateway.
     */
    @Test
    void aSilentUnitMakesOnlyItsOwnSignalsStaleEvenAtSixtyTimesSpeed() throws Exception {
        long periodNanos = PERIOD_NANOS / 60;
        start("6inch", periodNanos);
        scanUntil(this::allFresh, "every Modbus input fresh");
        server.setUnitMode(5, UnitMode.SILENT); // the gauge controller
        int[] longestStaleRun = new int[Signal.count()];
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            io.writeOutputs(out);
            io.readInputs(in);
            for (SignalSpec spec : modbus(Direction.IN)) {
                Signal s = Signal.byIoName(spec.name());
                longestStaleRun[s.ordinal()] = Math.max(longestStaleRun[s.ordinal()], in.staleScans(s));
            }
            LockSupport.parkNanos(periodNanos);
        }
        for (SignalSpec spec : modbus(Direction.IN)) {
            int longest = longestStaleRun[Signal.byIoName(spec.name()).ordinal()];
            if (spec.device().equals("gauges")) {
                assertTrue(longest >= 3, spec.name() + " of the silent unit stale for " + longest + " scans");
            } else {
                assertTrue(longest < 3, spec.name() + " of " + spec.device() + " stale for " + longest + " scans");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everyModbusSignalRoundTrips(String variant) throws Exception {
        start(variant);
        for (SignalSpec spec : modbus(Direction.OUT)) {
            double value = spec.isBoolean() ? 1.0 : spec.minimum() + (spec.maximum() - spec.minimum()) * 0.37;
            out.set(Signal.byIoName(spec.name()), value);
        }
        scanUntil(this::allFresh, "every Modbus input fresh");
        Thread.sleep(100);
        scanUntil(this::allFresh, "a second complete poll");
        for (SignalSpec spec : modbus(Direction.OUT)) {
            double sent = out.value(Signal.byIoName(spec.name()));
            double tolerance = Math.max(Math.abs(sent) * 1e-6, spec.modbus().orElseThrow().scale() / 2);
            synchronized (furnace) {
                assertEquals(sent, furnace.read(spec.name()), tolerance, spec.name() + " written");
            }
        }
        for (SignalSpec spec : modbus(Direction.IN)) {
            double expected;
            synchronized (furnace) {
                expected = furnace.read(spec.name());
            }
            double tolerance = Math.max(Math.abs(expected) * 1e-6, spec.modbus().orElseThrow().scale() / 2 + 1e-9);
            assertEquals(expected, in.value(Signal.byIoName(spec.name())), tolerance, spec.name() + " read");
        }
    }

    @Test
    void aSilentDeviceGoesStaleAloneAndComesBack() throws Exception {
        start("6inch");
        scanUntil(this::allFresh, "connected");
        server.setUnitMode(3, UnitMode.SILENT);
        for (int scan = 0; scan < 8; scan++) { // eight scan periods: the MFC times out, the others keep answering
            io.writeOutputs(out);
            Thread.sleep(100);
            io.readInputs(in);
            assertTrue(in.quality(Signal.CDG_PRESSURE_MBAR) != Quality.STALE, "the gauges still answer, scan " + scan);
        }
        assertTrue(in.staleScans(Signal.AR_FLOW_SCCM) >= 3, "the argon MFC stale: " + in.staleScans(
                Signal.AR_FLOW_SCCM));
        server.setUnitMode(3, UnitMode.NORMAL);
        scanUntil(image -> image.quality(Signal.AR_FLOW_SCCM) != Quality.STALE, "the argon MFC back");
    }

    @Test
    void aDeviceAnsweringExceptionsHasBadSignals() throws Exception {
        start("6inch");
        scanUntil(this::allFresh, "connected");
        server.setUnitMode(5, UnitMode.EXCEPTION);
        scanUntil(image -> image.quality(Signal.CDG_PRESSURE_MBAR) == Quality.BAD, "the gauges bad");
        assertEquals(Quality.BAD, in.quality(Signal.PIRANI_PRESSURE_MBAR));
        server.setUnitMode(5, UnitMode.NORMAL);
        scanUntil(image -> image.quality(Signal.CDG_PRESSURE_MBAR) == Quality.GOOD, "the gauges good again");
    }

    @Test
    void aDroppedGatewayIsReconnected() throws Exception {
        start("6inch");
        scanUntil(this::allFresh, "connected");
        server.dropConnections();
        scanUntil(image -> image.staleScans(Signal.PS1_POWER_KW) >= 3, "the supply's values stale after the drop");
        scanUntil(this::allFresh, "every device reconnected");
    }

    @Test
    void aWrongWordOrderIsCaughtByTheRangeCheck() throws Exception {
        start("6inch", new ModbusSettings.DeviceEndpoint(Optional.empty(), Optional.empty(),
                Optional.of(WordOrder.CDAB)));
        synchronized (furnace) { // a running supply: coil current and frequency carry full mantissas
            furnace.write("heater_enable", 1);
            furnace.write("ps1_output_enable", 1);
            furnace.write("ps1_power_sp_kw", 12.3);
            furnace.advance(30);
        }
        out.set(Signal.PS1_OUTPUT_ENABLE, 1.0); // the adapter must not switch the supply off
        out.set(Signal.PS1_POWER_SP_KW, 12.3); // refused by the device in the wrong word order: stays as written
        // 12.3 kW and the coil voltage have non-zero low words: swapped, they decode far outside their ranges
        scanUntil(image -> image.quality(Signal.PS1_POWER_KW) == Quality.BAD
                && image.quality(Signal.PS1_VOLTAGE_V) == Quality.BAD, "implausible supply readings");
        double real;
        synchronized (furnace) {
            real = furnace.read("ps1_power_kw");
        }
        assertNotEquals(real, in.value(Signal.PS1_POWER_KW), 1.0);
        scanUntil(this::allFresh, "a complete poll");
        assertEquals(Quality.GOOD, in.quality(Signal.CDG_PRESSURE_MBAR), "other devices unaffected");
    }
}
