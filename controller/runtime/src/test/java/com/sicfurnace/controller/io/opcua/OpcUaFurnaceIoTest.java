package com.sicfurnace.controller.io.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.sicfurnace.simulator.logging.StackTraceRecorder;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.opcua.PlcServer;
import com.sicfurnace.simulator.opcua.PlcServerConfig;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The controller's OPC UA adapter against the simulator's PLC server over loopback. */
class OpcUaFurnaceIoTest {
    private static final long TIMEOUT_MS = 8000;

    @TempDir
    Path dir;
    private SimulatedFurnace furnace;
    private PlcServer plc;
    private OpcUaFurnaceIo io;
    private IoList signals;
    private ProcessImage in;
    private final OutputImage out = new OutputImage();
    private int port;

    private void startServer(String variant, PlcServerConfig config) throws Exception {
        furnace = new SimulatedFurnace(FurnaceConfigs.shipped(variant), 1, 0.1);
        signals = IoList.fromClasspath().forFurnace(variant);
        in = new ProcessImage(signals);
        plc = new PlcServer(config, furnace);
        plc.start();
    }

    private void connect(OpcUaSettings settings) {
        io = new OpcUaFurnaceIo(signals, settings);
    }

    @AfterEach
    void stop() throws Exception {
        if (io != null) {
            io.close();
        }
        if (plc != null) {
            plc.close();
        }
    }

    private List<SignalSpec> opcua(Direction direction) {
        return signals.signals().stream().filter(s -> s.protocol() == Protocol.OPCUA && s.direction() == direction)
                .toList();
    }

    private boolean scanUntil(Predicate<ProcessImage> condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            io.writeOutputs(out);
            Thread.sleep(20);
            io.readInputs(in);
            if (condition.test(in)) {
                return true;
            }
        }
        return false;
    }

    private boolean allFresh(ProcessImage image) {
        return opcua(Direction.IN).stream().allMatch(s -> image.quality(Signal.byIoName(s.name())) != Quality.STALE);
    }

    private String url() {
        return "opc.tcp://127.0.0.1:" + port + PlcServerConfig.DEFAULT_PATH;
    }

    @ParameterizedTest
    @ValueSource(strings = {"6inch", "8inch"})
    void everyOpcUaSignalRoundTrips(String variant) throws Exception {
        port = FreePort.pick();
        startServer(variant, PlcServerConfig.localDevelopment(port, dir.resolve("server")));
        connect(OpcUaSettings.insecure(url(), dir.resolve("client"), 100));
        for (SignalSpec spec : opcua(Direction.OUT)) {
            double value = spec.isBoolean() ? 1.0 : Math.rint(spec.minimum() + (spec.maximum() - spec.minimum()) * 0.37);
            out.set(Signal.byIoName(spec.name()), value);
        }
        assertTrue(scanUntil(this::allFresh, TIMEOUT_MS), "inputs arrive");
        assertTrue(scanUntil(image -> opcua(Direction.OUT).stream().allMatch(this::arrived), TIMEOUT_MS),
                "every output arrives in the PLC");
        for (SignalSpec spec : opcua(Direction.IN)) {
            double expected;
            synchronized (furnace) {
                expected = furnace.read(spec.name());
            }
            assertEquals(expected, in.value(Signal.byIoName(spec.name())), 1e-9, spec.name());
        }
    }

    private boolean arrived(SignalSpec spec) {
        synchronized (furnace) {
            return furnace.read(spec.name()) == out.value(Signal.byIoName(spec.name()));
        }
    }

    /** Many PLCs serve at the bare host:port, and that is what users type: the controller finds the endpoint. */
    @Test
    void theControllerConnectsAtThePlcsBareUrl() throws Exception {
        port = FreePort.pick();
        startServer("6inch", PlcServerConfig.localDevelopment(port, dir.resolve("server")));
        connect(OpcUaSettings.insecure("opc.tcp://127.0.0.1:" + port, dir.resolve("client"), 100));
        assertTrue(scanUntil(this::allFresh, TIMEOUT_MS), "every input arrives through the bare URL");
        for (SignalSpec spec : opcua(Direction.IN)) {
            double expected;
            synchronized (furnace) {
                expected = furnace.read(spec.name());
            }
            assertEquals(expected, in.value(Signal.byIoName(spec.name())), 1e-9, spec.name());
        }
    }

    @Test
    void aBrokenPyrometerArrivesBad() throws Exception {
        port = FreePort.pick();
        startServer("6inch", PlcServerConfig.localDevelopment(port, dir.resolve("server")));
        connect(OpcUaSettings.insecure(url(), dir.resolve("client"), 100));
        assertTrue(scanUntil(this::allFresh, TIMEOUT_MS));
        synchronized (furnace) {
            furnace.faults().breakPyrometer(com.sicfurnace.simulator.fault.Faults.Pyrometer.TOP, true);
            furnace.advance(0.1);
        }
        assertTrue(scanUntil(image -> image.quality(Signal.PYRO_TOP_C) == Quality.BAD, TIMEOUT_MS));
    }

    @Test
    void secureEndpointRefusesAnUntrustedCertificateAndAWrongPasswordAndAcceptsTrustedWithTheRightOne()
            throws Exception {
        port = FreePort.pick();
        Path serverPki = dir.resolve("server");
        Path clientPki = dir.resolve("client");
        startServer("6inch", PlcServerConfig.localDevelopment(port, serverPki).withUsers(Map.of("operator", "s3cret"))
                .withAnonymous(false));

        // the simulated PLC logs each refused secure channel with its stack trace: that is the point here
        var refusedChannels = StackTraceRecorder.expect(e -> e.getLoggerName().endsWith("UascServerAsymmetricHandler")
                && e.getFormattedMessage().contains("Bad_SecurityChecksFailed"));
        connect(secure(clientPki, "s3cret"));
        assertFalse(scanUntil(this::allFresh, 3000), "an untrusted client certificate is refused");
        assertTrue(refusedChannels.awaitOne(Duration.ofSeconds(5)), "and the PLC logs why");
        Path rejected = serverPki.resolve("rejected").resolve("certs");
        assertTrue(Files.list(rejected).findAny().isPresent(), "and quarantined on the server");
        io.close();

        trust(rejected, serverPki.resolve("trusted").resolve("certs"));
        Files.createDirectories(clientPki.resolve("pki").resolve("trusted").resolve("certs"));
        Files.write(clientPki.resolve("pki").resolve("trusted").resolve("certs").resolve("plc.der"),
                plc.certificate().getEncoded());

        connect(secure(clientPki, "wrong"));
        assertFalse(scanUntil(this::allFresh, 3000), "a wrong password is refused");
        io.close();

        connect(secure(clientPki, "s3cret"));
        assertTrue(scanUntil(this::allFresh, TIMEOUT_MS), "trusted certificate and right password: data flows");
    }

    private OpcUaSettings secure(Path clientPki, String password) {
        return new OpcUaSettings(url(), OpcUaSettings.Security.BASIC256SHA256, clientPki, "urn:sicfurnace:controller",
                Optional.of("operator"), Optional.of(password), Optional.empty(), 2000, 2000, 1000, 200, 2000, 100);
    }

    private static void trust(Path rejected, Path trusted) throws Exception {
        Files.createDirectories(trusted);
        try (Stream<Path> files = Files.list(rejected)) {
            for (Path file : files.toList()) {
                Files.move(file, trusted.resolve(file.getFileName()));
            }
        }
    }
}
