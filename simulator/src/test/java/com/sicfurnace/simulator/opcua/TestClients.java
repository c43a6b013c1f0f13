package com.sicfurnace.simulator.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

/** OPC UA clients for the tests, all with explicit timeouts so that a broken server fails a test quickly. */
final class TestClients {
    private TestClients() {
    }

    /** Connected anonymous client on the None endpoint. */
    static OpcUaClient anonymous(String url) throws UaException {
        OpcUaClient client = none(url, new AnonymousProvider());
        client.connect();
        return client;
    }

    /** Not yet connected client on the None endpoint with the given identity. */
    static OpcUaClient none(String url, IdentityProvider identity) throws UaException {
        return create(url, endpoint(SecurityPolicy.None, MessageSecurityMode.None),
                cfg -> cfg.setApplicationUri(ClientIdentity.APPLICATION_URI).setIdentityProvider(identity));
    }

    /** Not yet connected Basic256Sha256/SignAndEncrypt client with its own certificate and a user name. */
    static OpcUaClient secure(String url, ClientIdentity client, String user, String password) throws UaException {
        return create(url, endpoint(SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt),
                cfg -> cfg.setApplicationUri(ClientIdentity.APPLICATION_URI)
                        .setKeyPair(client.keyPair())
                        .setCertificate(client.certificate())
                        .setCertificateChain(client.chain())
                        // Milo's default accepts any server certificate; the test client checks it like a real one.
                        .setCertificateValidator(client.validator())
                        .setIdentityProvider(new UsernameProvider(user, password, client.validator())));
    }

    /** The endpoints the server offers a client that asks at {@code url}. */
    static List<EndpointDescription> discover(String url) throws Exception {
        return DiscoveryClient.getEndpoints(url, TestClients::timeouts).get(10, TimeUnit.SECONDS);
    }

    /** Connected anonymous client on an endpoint picked from a discovery answer, at the URL that endpoint names. */
    static OpcUaClient anonymous(EndpointDescription endpoint) throws UaException {
        OpcUaClient client = OpcUaClient.create(OpcUaClientConfig.builder()
                .setEndpoint(endpoint)
                .setApplicationName(LocalizedText.english("PLC server test client"))
                .setApplicationUri(ClientIdentity.APPLICATION_URI)
                .setIdentityProvider(new AnonymousProvider())
                .setRequestTimeout(uint(5_000))
                .setSessionTimeout(uint(30_000))
                .build(), TestClients::timeouts);
        client.connect();
        return client;
    }

    private static void timeouts(OpcTcpClientTransportConfigBuilder transport) {
        transport.setConnectTimeout(uint(2_000)).setAcknowledgeTimeout(uint(2_000));
    }

    private static Function<List<EndpointDescription>, Optional<EndpointDescription>> endpoint(
            SecurityPolicy policy, MessageSecurityMode mode) {
        return endpoints -> endpoints.stream()
                .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst();
    }

    private static OpcUaClient create(String url,
                                      Function<List<EndpointDescription>, Optional<EndpointDescription>> select,
                                      Consumer<OpcUaClientConfigBuilder> configure)
            throws UaException {
        return OpcUaClient.create(url, select, TestClients::timeouts,
                cfg -> {
                    cfg.setApplicationName(LocalizedText.english("PLC server test client"))
                            .setRequestTimeout(uint(5_000))
                            .setSessionTimeout(uint(30_000));
                    configure.accept(cfg);
                });
    }
}
