package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.logging.StackTraceRecorder;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Clients that know only host and port, as many do for PLCs that serve at the bare URL. */
@ExtendWith(NoStackTracesLogged.class)
class PlcServerBareUrlTest {
    @TempDir
    Path pki;

    @Test
    void aClientDiscoveringAtTheBareUrlIsOfferedItAndReadsEverySignalThere() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        furnace.advance(2.0); // counters and readings move off their initial values
        int port = FreePort.pick();
        try (PlcServer server = ServerFixtures.start(PlcServerConfig.localDevelopment(port, pki), furnace)) {
            String bare = "opc.tcp://127.0.0.1:" + port;
            assertEquals(bare, server.bareUrl());

            List<EndpointDescription> offered = TestClients.discover(bare);
            assertEquals(Set.of(MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt),
                    offered.stream().filter(e -> bare.equals(e.getEndpointUrl()))
                            .map(EndpointDescription::getSecurityMode).collect(Collectors.toSet()),
                    "both security modes are offered at the URL the client asked: " + urls(offered));
            EndpointDescription picked = offered.stream()
                    .filter(e -> bare.equals(e.getEndpointUrl())
                            && SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                    .findFirst().orElseThrow();

            OpcUaClient client = TestClients.anonymous(picked);
            try {
                assertEquals(bare, client.getConfig().getEndpoint().getEndpointUrl(), "the session runs there");
                List<SignalSpec> signals = ServerFixtures.opcUaSignals("6inch");
                List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Both,
                        signals.stream().map(ServerFixtures::nodeId).toList());
                for (int i = 0; i < signals.size(); i++) {
                    SignalSpec spec = signals.get(i);
                    assertTrue(values.get(i).statusCode().isGood(), spec.name() + ": " + values.get(i).statusCode());
                    assertEquals(ServerFixtures.wireValue(spec, ServerFixtures.read(furnace, spec.name())),
                            values.get(i).value().value(), spec.name());
                }
            } finally {
                client.disconnect();
            }
        }
    }

    @Test
    void theConfiguredPathIsStillOfferedAndServedAndAnUnknownPathIsRefused() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        int port = FreePort.pick();
        try (PlcServer server = ServerFixtures.start(PlcServerConfig.localDevelopment(port, pki), furnace)) {
            String plc = "opc.tcp://127.0.0.1:" + port + "/plc";
            assertEquals(plc, server.endpointUrl());
            List<EndpointDescription> offered = TestClients.discover(plc);
            assertEquals(Set.of(plc, server.bareUrl()), Set.copyOf(urls(offered)));
            assertEquals(plc, offered.get(0).getEndpointUrl(), "clients that take the first endpoint keep /plc");

            OpcUaClient client = TestClients.anonymous(plc);
            try {
                Object value = client.readValue(0.0, TimestampsToReturn.Both, ServerFixtures.nodeId("pyro_top_c"))
                        .value().value();
                assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), value);
            } finally {
                client.disconnect();
            }

            // Milo logs the refused Hello with its stack trace, after it sent the error to the client.
            var refusedHello = StackTraceRecorder.expect(e -> e.getLoggerName().endsWith("UascServerHelloHandler")
                    && e.getFormattedMessage().contains("Bad_TcpEndpointUrlInvalid"));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> TestClients.discover(server.bareUrl() + "/nowhere"));
            UaException cause = assertInstanceOf(UaException.class, refused.getCause());
            assertEquals(StatusCodes.Bad_TcpEndpointUrlInvalid, cause.getStatusCode().value());
            assertTrue(refusedHello.awaitOne(Duration.ofSeconds(5)), "the refused Hello is logged");
        }
    }

    private static List<String> urls(List<EndpointDescription> endpoints) {
        return endpoints.stream().map(EndpointDescription::getEndpointUrl).toList();
    }
}
