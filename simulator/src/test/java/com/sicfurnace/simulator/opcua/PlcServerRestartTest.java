package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlcServerRestartTest {
    @TempDir
    Path pki;

    @Test
    void aNewServerOnTheSamePortAndPkiServesAFreshClientAtOnce() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        PlcServerConfig config = PlcServerConfig.localDevelopment(FreePort.pick(), pki);
        try (PlcServer first = ServerFixtures.start(config, furnace)) {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(first));
        }
        synchronized (furnace) {
            furnace.write("throttle_valve_sp_pct", 42.0); // the furnace lives on while its PLC restarts
        }
        try (PlcServer second = ServerFixtures.start(config, furnace)) {
            OpcUaClient client = TestClients.anonymous(second.endpointUrl());
            try {
                DataValue setpoint = client.readValue(0.0, TimestampsToReturn.Both,
                        ServerFixtures.nodeId("throttle_valve_sp_pct"));
                assertEquals(42.0, setpoint.value().value());
            } finally {
                client.disconnect();
            }
        }
        // and once more, to show that close() released everything the second start needed
        try (PlcServer third = ServerFixtures.start(config, furnace)) {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(third));
        }
    }

    @Test
    void aBusyPortFailsTheStartWithTheEndpointInTheMessageAndLeavesThePkiReusable() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(PlcServerConfig.LOOPBACK))) {
            PlcServerConfig busy = PlcServerConfig.localDevelopment(squatter.getLocalPort(), pki);
            PlcServer server = new PlcServer(busy, furnace);
            PlcServerException failure = assertThrows(PlcServerException.class, server::start);
            assertTrue(failure.getMessage().contains(server.endpointUrl()), failure.getMessage());
            server.close();
        }
        try (PlcServer server = ServerFixtures.start(
                PlcServerConfig.localDevelopment(FreePort.pick(), pki), furnace)) {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(server));
        }
    }

    @Test
    void anInstanceStartsOnlyOnce() throws Exception {
        PlcServer server = ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki),
                ServerFixtures.furnace("6inch"));
        server.close();
        assertThrows(IllegalStateException.class, server::start);
        assertThrows(IllegalStateException.class, server::certificate);
        server.close(); // a second close does nothing
    }

    private static Object readPyrometer(PlcServer server) throws Exception {
        OpcUaClient client = TestClients.anonymous(server.endpointUrl());
        try {
            return client.readValue(0.0, TimestampsToReturn.Both, ServerFixtures.nodeId("pyro_top_c")).value().value();
        } finally {
            client.disconnect();
        }
    }
}
