package com.sicfurnace.controller.io.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.ScanUntil;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.WordOrder;
import com.sicfurnace.simulator.modbus.ModbusDeviceServer;
import com.sicfurnace.simulator.modbus.UnitMode;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Modbus adapter's meters move as it works against the simulator's Modbus server over loopback. */
class ModbusMetricsTest {
    private static final long TIMEOUT_MS = 5000;
    private static final List<String> DEVICES = List.of("ps1", "mfc_ar", "mfc_n2", "gauges", "chiller");
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final OutputImage out = new OutputImage();
    private SimulatedFurnace furnace;
    private ModbusDeviceServer server;
    private ModbusFurnaceIo io;
    private ProcessImage in;

    private void start(Map<String, ModbusSettings.DeviceEndpoint> devices) throws Exception {
        furnace = new SimulatedFurnace(FurnaceConfigs.shipped("6inch"), 1, 0.1);
        int port = FreePort.pick();
        server = ModbusDeviceServer.start(furnace, InetAddress.getLoopbackAddress(), port);
        IoList signals = IoList.fromClasspath().forFurnace("6inch");
        io = new ModbusFurnaceIo(signals, new ModbusSettings("127.0.0.1", port, 200, 1, 100, 5000, devices),
                100_000_000L);
        io.metrics().bindTo(registry);
        in = new ProcessImage(signals);
        out.set(Signal.CHILLER_SUPPLY_SP_C, 20.0); // in range: the chiller accepts it
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

    /** Scans (hand the outputs over, take the inputs) until the condition holds. */
    private void scanUntil(BooleanSupplier condition, String what) throws InterruptedException {
        ScanUntil.holds(io, in, out, condition, Duration.ofMillis(TIMEOUT_MS), what);
    }

    private double connected(String device) {
        return registry.get("furnace.io.connected").tags("device", device, "protocol", "modbus").gauge().value();
    }

    private double errors(String device, String kind) {
        return registry.get("furnace.io.errors").tags("device", device, "protocol", "modbus", "kind", kind).counter()
                .count();
    }

    private Timer requests(String device, String operation) {
        return registry.get("furnace.io.request").tags("device", device, "protocol", "modbus", "operation", operation)
                .timer();
    }

    private boolean allConnected() {
        return DEVICES.stream().allMatch(d -> connected(d) == 1.0);
    }

    @Test
    void everyDeviceIsConnectedWithItsRequestsTimedAndNoErrors() throws Exception {
        start(Map.of());
        assertEquals(0.0, connected("gauges"), "not connected before the first poll");
        scanUntil(this::allConnected, "every device connected");
        scanUntil(() -> requests("chiller", "write").count() > 0, "the chiller's setpoint written");
        for (String device : DEVICES) {
            Timer reads = requests(device, "read");
            assertTrue(reads.count() > 0, device + " reads timed");
            assertTrue(reads.totalTime(TimeUnit.NANOSECONDS) > 0, device + " reads took time");
            for (String kind : List.of("timeout", "disconnected", "connect_failed", "exception_response",
                    "refused_write", "implausible_value", "request_failed")) {
                assertEquals(0.0, errors(device, kind), device + " " + kind + " counted from 0");
            }
        }
    }

    @Test
    void aSilentDeviceCountsTimeoutsAndIsNotConnectedUntilItAnswersAgain() throws Exception {
        start(Map.of());
        scanUntil(this::allConnected, "every device connected");
        server.setUnitMode(3, UnitMode.SILENT);
        scanUntil(() -> connected("mfc_ar") == 0.0, "the argon MFC not connected");
        assertTrue(errors("mfc_ar", "timeout") >= 1, "a timeout counted");
        assertEquals(1.0, connected("gauges"), "the gauges still answer");
        assertEquals(0.0, errors("gauges", "timeout"));
        server.setUnitMode(3, UnitMode.NORMAL);
        scanUntil(() -> connected("mfc_ar") == 1.0, "the argon MFC connected again");
    }

    @Test
    void exceptionResponsesAreCountedWhileTheDeviceStaysConnected() throws Exception {
        start(Map.of());
        scanUntil(this::allConnected, "every device connected");
        server.setUnitMode(5, UnitMode.EXCEPTION);
        scanUntil(() -> errors("gauges", "exception_response") >= 1, "an exception response counted");
        assertEquals(1.0, connected("gauges"), "a device that answers with exceptions is connected");
    }

    @Test
    void aRefusedWriteIsCountedForItsDeviceOnly() throws Exception {
        start(Map.of());
        scanUntil(this::allConnected, "every device connected");
        out.set(Signal.AR_FLOW_SP_SCCM, 20_000.0); // the MFC's range ends at 10000 sccm: exception 3
        scanUntil(() -> errors("mfc_ar", "refused_write") >= 1 && in.refused(Signal.AR_FLOW_SP_SCCM),
                "the refused setpoint counted and shown to the core");
        assertEquals(0.0, errors("mfc_n2", "refused_write"));
        assertEquals(1.0, connected("mfc_ar"));
        ScanUntil.scans(io, in, out, 300); // beyond the adapter's periodic refresh of every output
        assertEquals(1.0, errors("mfc_ar", "refused_write"), "not written again until it changes");
        out.set(Signal.AR_FLOW_SP_SCCM, 500.0);
        scanUntil(() -> !in.refused(Signal.AR_FLOW_SP_SCCM), "a value the MFC accepts clears the refusal");
    }

    @Test
    void droppedConnectionsCountAsDisconnected() throws Exception {
        start(Map.of());
        scanUntil(this::allConnected, "every device connected");
        server.dropConnections();
        scanUntil(() -> DEVICES.stream().anyMatch(d -> errors(d, "disconnected") >= 1), "a broken connection counted");
        scanUntil(this::allConnected, "every device connected again");
    }

    @Test
    void implausibleReadingsFromAWrongWordOrderAreCounted() throws Exception {
        start(Map.of("ps1", new ModbusSettings.DeviceEndpoint(Optional.empty(), Optional.empty(),
                Optional.of(WordOrder.CDAB))));
        synchronized (furnace) { // a running supply: its readings carry full mantissas, which a swap scrambles
            furnace.write("heater_enable", 1);
            furnace.write("ps1_output_enable", 1);
            furnace.write("ps1_power_sp_kw", 12.3);
            furnace.advance(30);
        }
        out.set(Signal.PS1_OUTPUT_ENABLE, 1.0);
        out.set(Signal.PS1_POWER_SP_KW, 12.3);
        scanUntil(() -> in.quality(Signal.PS1_POWER_KW) == Quality.BAD, "implausible supply readings");
        assertTrue(errors("ps1", "implausible_value") >= 1, "counted");
        assertEquals(0.0, errors("gauges", "implausible_value"));
    }
}
