package com.sicfurnace.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultApiTest {
    private final Faults faults = new Faults();
    private final List<String> protocolCalls = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FaultApi api;

    @BeforeEach
    void start() throws IOException {
        ProtocolFaults recorder = new ProtocolFaults() {
            @Override
            public void opcua(String action) {
                protocolCalls.add("opcua " + action);
            }

            @Override
            public void modbusUnit(int unitId, String mode) {
                protocolCalls.add("unit " + unitId + " " + mode);
            }

            @Override
            public void modbusDropConnections() {
                protocolCalls.add("drop");
            }
        };
        api = new FaultApi(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new FaultInjector(faults, recorder));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/faults"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void injectsModelAndProtocolFaults() throws Exception {
        assertEquals(200, post("{\"fault\": \"pyrometer-break\", \"target\": \"top\"}").statusCode());
        assertTrue(faults.pyrometerBroken(Faults.Pyrometer.TOP));
        assertEquals(200, post("{\"fault\": \"pyrometer-break\", \"target\": \"top\", \"active\": false}")
                .statusCode());
        assertFalse(faults.pyrometerBroken(Faults.Pyrometer.TOP));
        assertEquals(200, post("{\"fault\": \"water-flow\", \"circuit\": \"coil\", \"fraction\": 0.2}").statusCode());
        assertEquals(0.2, faults.waterFlowFactor(Faults.Circuit.COIL));
        assertEquals(200, post("{\"fault\": \"leak\", \"mbar_l_per_s\": 0.05}").statusCode());
        assertEquals(0.05, faults.extraLeakMbarLPerS());
        assertEquals(200, post("{\"fault\": \"opcua\", \"action\": \"restart\"}").statusCode());
        assertEquals(200, post("{\"fault\": \"modbus-unit\", \"unit\": 3, \"mode\": \"silent\"}").statusCode());
        assertEquals(200, post("{\"fault\": \"modbus-drop\"}").statusCode());
        assertEquals(List.of("opcua restart", "unit 3 silent", "drop"), protocolCalls);
    }

    @Test
    void refusesBadCommandsWithTheirReason() throws Exception {
        HttpResponse<String> unknown = post("{\"fault\": \"meteor-strike\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown fault 'meteor-strike'"), unknown.body());
        HttpResponse<String> badTarget = post("{\"fault\": \"pyrometer-break\", \"target\": \"middle\"}");
        assertEquals(400, badTarget.statusCode());
        assertTrue(badTarget.body().contains("target must be one of [bottom, top], not 'middle'"), badTarget.body());
        HttpResponse<String> fraction = post("{\"fault\": \"water-flow\", \"circuit\": \"coil\", \"fraction\": 2}");
        assertEquals(400, fraction.statusCode());
        assertTrue(fraction.body().contains("fraction must lie in 0..1, not 2"), fraction.body());
        HttpResponse<String> misspelt = post("{\"fault\": \"lid-open\", \"activ\": false}");
        assertEquals(400, misspelt.statusCode());
        assertTrue(misspelt.body().contains("unknown parameter 'activ'; it takes [active]"), misspelt.body());
        assertFalse(faults.lidOpen(), "the misspelt parameter did not open the lid");
        assertEquals(400, post("not json").statusCode());
        assertEquals(400, post("{\"target\": \"top\"}").statusCode());
        assertEquals(1.0, faults.waterFlowFactor(Faults.Circuit.COIL), "nothing applied");
    }

    @Test
    void scriptFiresItsEntriesInFurnaceTimeOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, """
                - at_s: 3600
                  fault: pyrometer-drift
                  target: bottom
                  k_per_h: 2.5
                - at_s: 7200
                  fault: opcua
                  action: restart
                """);
        FaultScript script = FaultScript.load(file);
        assertEquals(List.of(), script.due(3599.9));
        List<FaultCommand> first = script.due(3600.0);
        assertEquals(1, first.size());
        assertEquals("pyrometer-drift", first.get(0).fault());
        assertEquals(2.5, first.get(0).number("k_per_h"));
        assertEquals(List.of(), script.due(3700.0), "fired once");
        assertEquals("opcua", script.due(1e9).get(0).fault());
    }

    @Test
    void scriptWithAnUnknownFaultIsRefusedOnLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, "- at_s: 10\n  fault: gremlins\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultScript.load(file));
        assertTrue(e.getMessage().contains("faults.yaml: entry 1: fault: unknown fault 'gremlins'; known: ["),
                e.getMessage());
    }

    /** A time out of order is most likely a typo: sorting it would fire the fault at the wrong moment. */
    @Test
    void scriptWithATimeOutOfOrderOrNegativeIsRefusedOnLoadNamingEntryAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, """
                - at_s: 3600
                  fault: leak
                  mbar_l_per_s: 0.001
                - at_s: 360
                  fault: leak
                  mbar_l_per_s: 0
                """);
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> FaultScript.load(file));
        assertTrue(order.getMessage().contains("faults.yaml: entry 2: at_s: 360.0 s comes before entry 1's 3600.0 s"),
                order.getMessage());
        Files.writeString(file, "- at_s: -5\n  fault: chiller-fail\n");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> FaultScript.load(file));
        assertTrue(negative.getMessage().contains("faults.yaml: entry 1: at_s: must be a time from the start, 0 or "
                + "more, not -5.0"), negative.getMessage());
        Files.writeString(file, "- at_s: 5\n  fault: lid-open\n  activ: false\n");
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class,
                () -> FaultScript.load(file));
        assertTrue(misspelt.getMessage().contains("faults.yaml: entry 1: fault 'lid-open': unknown parameter 'activ'"),
                misspelt.getMessage());
    }

    @Test
    void scriptWithABadParameterIsRefusedOnLoadNotWhenItFires(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, """
                - at_s: 10
                  fault: opcua
                  action: restart
                - at_s: 36000
                  fault: water-flow
                  circuit: coil
                  fraction: 1.5
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultScript.load(file));
        assertTrue(e.getMessage().contains("faults.yaml: entry 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("fraction"), e.getMessage());
    }
}
