package com.sicfurnace.controller.recovery;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * A second OPC UA client on the simulated PLC, independent of the controller, that reads the seed pyrometer: it sees
 * the furnace while the controller is dead. Read-only.
 */
final class PyrometerWatch implements AutoCloseable {
    private static final NodeId SEED = NodeId.parse("ns=2;s=Furnace/Temperature/PyrometerTop");
    private static final NodeId TRIPPED = NodeId.parse("ns=2;s=Furnace/System/WatchdogTripped");
    private final OpcUaClient client;

    private PyrometerWatch(OpcUaClient client) {
        this.client = client;
    }

    /** Connects, waiting up to 20 s for the simulator's server to listen. */
    static PyrometerWatch connect(String endpoint) throws UaException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return tryConnect(endpoint);
            } catch (UaException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // not listening yet
            }
        }
    }

    private static PyrometerWatch tryConnect(String endpoint) throws UaException {
        OpcUaClient client = OpcUaClient.create(endpoint,
                endpoints -> endpoints.stream().filter(e -> SecurityPolicy.None.getUri().equals(
                        e.getSecurityPolicyUri()) && e.getSecurityMode() == MessageSecurityMode.None).findFirst(),
                transport -> transport.setConnectTimeout(uint(2_000)).setAcknowledgeTimeout(uint(2_000)),
                cfg -> cfg.setApplicationName(LocalizedText.english("crash-recovery test watch"))
                        .setApplicationUri("urn:sicfurnace:test:watch").setIdentityProvider(new AnonymousProvider())
                        .setRequestTimeout(uint(2_000)).setSessionTimeout(uint(30_000)));
        client.connect();
        return new PyrometerWatch(client);
    }

    /** The seed pyrometer, °C. */
    double seedC() throws UaException {
        return ((Number) client.readValues(0.0, TimestampsToReturn.Neither, List.of(SEED)).get(0).value().value())
                .doubleValue();
    }

    boolean watchdogTripped() throws UaException {
        return Boolean.TRUE.equals(client.readValues(0.0, TimestampsToReturn.Neither, List.of(TRIPPED)).get(0).value()
                .value());
    }

    @Override
    public void close() throws UaException {
        client.disconnect();
    }
}
