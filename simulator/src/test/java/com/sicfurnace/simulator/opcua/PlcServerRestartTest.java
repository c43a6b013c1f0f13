package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.logging.StackTraceRecorder;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoStackTracesLogged.class)
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
            // Milo logs each endpoint it cannot bind with the BindException before the start fails.
            var bindFailures = StackTraceRecorder.expect(e -> e.getFormattedMessage().startsWith("Failed to bind")
                    && BindException.class.getName().equals(e.getThrowableProxy().getClassName()));
            PlcServerException failure = assertThrows(PlcServerException.class, server::start);
            assertTrue(bindFailures.awaitOne(Duration.ofSeconds(5)), "the bind failure is logged");
            assertTrue(failure.getMessage().contains(server.endpointUrl()), failure.getMessage());
            server.close();
        }
        try (PlcServer server = ServerFixtures.start(
                PlcServerConfig.localDevelopment(FreePort.pick(), pki), furnace)) {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(server));
        }
    }

    /**
     * Milo builds each session's diagnostics nodes on a task queue after CreateSession has answered, from instance
     * declarations it caches for the whole JVM. A server stopped under that work logged NullPointerExceptions and
     * could leave the cache incomplete, so that every session of every later server in the JVM failed the same way.
     */
    @Test
    void stoppingWhileSessionsAreBeingSetUpLogsNoTracesAndLeavesLaterServersIntact() throws Exception {
        forgetMilosCachedSessionDiagnostics(); // as in a fresh JVM, where the first session builds them
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        for (int round = 0; round < 3; round++) {
            PlcServerConfig noAnonymous = PlcServerConfig.localDevelopment(FreePort.pick(), pki)
                    .withUsers(Map.of("operator", "s3cret")).withAnonymous(false);
            PlcServer server = ServerFixtures.start(noAnonymous, furnace);
            // No anonymous token is offered: the client gives up right after CreateSession, and the server stops
            // while that session's diagnostics may still be being built.
            OpcUaClient client = TestClients.none(server.endpointUrl(), new AnonymousProvider());
            try {
                assertThrows(UaException.class, client::connect);
                server.close();
            } finally {
                client.disconnect();
            }
        }
        try (PlcServer later = ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki),
                furnace)) {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(later));
        }
    }

    /**
     * Under CPU load Milo took seconds to set a session up or tear it down, longer than close() once waited before
     * it took the address space down anyway. Here a listener holds Milo's session queue: close() waits for the set-up
     * and tear-downs queued behind it however long that takes, and then stops without a trace.
     */
    @Test
    void closingWaitsForTheSessionWorkOfItsClientsHoweverLongItTakes() throws Exception {
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        PlcServer server = ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki), furnace);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.miloServer().getSessionManager().addSessionListener(new SessionListener() {
            @Override
            public void onSessionCreated(Session session) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CompletableFuture<Void> closing;
        try {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(server));
            assertTrue(held.await(10, TimeUnit.SECONDS), "the first session's set-up holds the queue");
            // a second session, whose set-up waits behind the first, like both sessions' tear-downs
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(server));
            closing = CompletableFuture.runAsync(() -> {
                try {
                    server.close();
                } catch (PlcServerException e) {
                    throw new AssertionError(e);
                }
            });
            assertThrows(TimeoutException.class, () -> closing.get(2_500, TimeUnit.MILLISECONDS),
                    "close() waits for the queued session work");
        } finally {
            release.countDown();
        }
        closing.get(20, TimeUnit.SECONDS);
        assertFalse(closing.isCompletedExceptionally());
        try (PlcServer later = ServerFixtures.start(PlcServerConfig.localDevelopment(FreePort.pick(), pki),
                furnace)) {
            assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), readPyrometer(later));
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

    private static void forgetMilosCachedSessionDiagnostics() {
        for (NodeId type : List.of(NodeIds.SessionDiagnosticsObjectType, NodeIds.SessionDiagnosticsVariableType,
                NodeIds.SessionSecurityDiagnosticsType)) {
            NodeFactory.invalidateCachedIdh(type);
        }
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
