package com.sicfurnace.controller.io.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.ScanUntil;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.opcua.PlcServer;
import com.sicfurnace.simulator.opcua.PlcServerConfig;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OPC UA adapter's meters move as it works against the simulator's PLC server over loopback. */
class OpcUaMetricsTest {
    private static final long TIMEOUT_MS = 10_000;
    private static final Tags PLC = Tags.of("device", "plc", "protocol", "opcua");

    @TempDir
    Path dir;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final OutputImage out = new OutputImage();
    private final SimulatedFurnace furnace = new SimulatedFurnace(FurnaceConfigs.shipped("6inch"), 1, 0.1);
    private final IoList signals = IoList.fromClasspath().forFurnace("6inch");
    private final ProcessImage in = new ProcessImage(signals);
    private final int port = FreePort.pick();
    private PlcServer plc;
    private OpcUaFurnaceIo io;

    @AfterEach
    void stop() throws Exception {
        if (io != null) {
            io.close();
        }
        if (plc != null) {
            plc.close();
        }
    }

    private void startServer() throws Exception {
        plc = new PlcServer(PlcServerConfig.localDevelopment(port, dir.resolve("server")), furnace);
        plc.start();
    }

    private void connect() {
        io = new OpcUaFurnaceIo(signals, OpcUaSettings.insecure("opc.tcp://127.0.0.1:" + port
                + PlcServerConfig.DEFAULT_PATH, dir.resolve("client"), 100));
        io.metrics().bindTo(registry);
    }

    private void scanUntil(BooleanSupplier condition, String what) throws InterruptedException {
        ScanUntil.holds(io, in, out, condition, Duration.ofMillis(TIMEOUT_MS), what);
    }

    private double gauge(String name) {
        return registry.get(name).tags(PLC).gauge().value();
    }

    private double errors(String kind) {
        return registry.get("furnace.io.errors").tags(PLC).tag("kind", kind).counter().count();
    }

    private long requests(String operation) {
        return registry.get("furnace.io.request").tags(PLC).tag("operation", operation).timer().count();
    }

    private double reconnects() {
        return registry.get("furnace.opcua.reconnects").tags(PLC).functionCounter().count();
    }

    private boolean flowing() {
        return gauge("furnace.io.connected") == 1.0 && gauge("furnace.opcua.session.active") == 1.0
                && gauge("furnace.opcua.subscription.healthy") == 1.0;
    }

    @Test
    void aHealthySessionShowsConnectedWithItsRequestsTimed() throws Exception {
        startServer();
        connect();
        scanUntil(this::flowing, "session active, subscription healthy, inputs arriving");
        assertTrue(requests("read") >= 1, "inputs read once before the subscription delivered");
        out.set(Signal.COIL_POSITION_SP_MM, 42.0);
        scanUntil(() -> requests("write") >= 1, "outputs written");
        assertEquals(0.0, reconnects());
        for (String kind : new String[] {"timeout", "connect_failed", "refused_write", "request_failed"}) {
            assertEquals(0.0, errors(kind), kind);
        }
    }

    @Test
    void aWriteThePlcRefusesIsCountedShownToTheCoreAndNotRepeatedUntilItChanges() throws Exception {
        startServer();
        connect();
        scanUntil(this::flowing, "connected");
        out.set(Signal.COIL_POSITION_SP_MM, 1000.0); // the coil travels 0..100 mm: Bad_OutOfRange
        scanUntil(() -> errors("refused_write") >= 1 && in.refused(Signal.COIL_POSITION_SP_MM),
                "the refused write counted and shown to the core");
        assertEquals(1.0, gauge("furnace.io.connected"), "a refusal is no loss of connection");
        long writes = requests("write");
        ScanUntil.scans(io, in, out, 50);
        assertEquals(1.0, errors("refused_write"), "not written again in every scan");
        assertEquals(writes, requests("write"));
        out.set(Signal.COIL_POSITION_SP_MM, 42.0);
        scanUntil(() -> !in.refused(Signal.COIL_POSITION_SP_MM), "a value the PLC accepts clears the refusal");
        assertEquals(1.0, errors("refused_write"));
    }

    @Test
    void aServerRestartShowsTheLossAndCountsOneReconnect() throws Exception {
        startServer();
        connect();
        scanUntil(this::flowing, "connected");
        plc.close();
        scanUntil(() -> gauge("furnace.io.connected") == 0.0 && gauge("furnace.opcua.session.active") == 0.0
                && gauge("furnace.opcua.subscription.healthy") == 0.0, "the loss shown");
        startServer();
        scanUntil(this::flowing, "reconnected with a new subscription");
        assertEquals(1.0, reconnects());
    }

    @Test
    void noServerCountsFailedConnects() throws Exception {
        connect();
        scanUntil(() -> errors("connect_failed") >= 2, "connection attempts counted");
        assertEquals(0.0, gauge("furnace.io.connected"));
        assertEquals(0.0, gauge("furnace.opcua.session.active"));
    }
}
