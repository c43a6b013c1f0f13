package com.sicfurnace.simulator.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * The endpoints of the PLC server on one port: None/None for local development and Basic256Sha256/SignAndEncrypt,
 * each with the anonymous token (if allowed) and the user name token, at the configured path (e.g. {@code /plc})
 * and at the bare {@code opc.tcp://host:port}. Many PLCs serve at the bare URL, and many clients ask the URL the user
 * typed for its endpoints and insist on finding that URL among them; Milo serves, and answers Hello, only at the
 * paths of its endpoints. Discovery offers the endpoints of both URLs, so that GetEndpoints and CreateSession list
 * the same ones. The user name token policy asks for Basic256Sha256, so passwords are encrypted with the server
 * certificate even on the None endpoints.
 */
final class PlcEndpoints {
    private static final String BARE = "";

    private PlcEndpoints() {
    }

    static Set<EndpointConfig> of(PlcServerConfig config, X509Certificate certificate) {
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (String path : paths(config)) {
            EndpointConfig.Builder base = EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(config.bindAddress())
                    .setBindPort(config.port())
                    .setHostname(advertisedHost(config))
                    .setPath(path)
                    .setCertificate(certificate);
            if (config.allowAnonymous()) {
                base.addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS);
            }
            if (!config.users().isEmpty()) {
                base.addTokenPolicies(USER_TOKEN_POLICY_USERNAME);
            }
            endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None).build());
            endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        }
        return endpoints;
    }

    /** The configured path first (existing clients pick the first endpoint that fits), then the bare URL. */
    private static List<String> paths(PlcServerConfig config) {
        return config.path().equals("/") ? List.of(BARE) : List.of(config.path(), BARE);
    }

    static IdentityValidator identityValidator(PlcServerConfig config) {
        List<IdentityValidator> validators = new ArrayList<>();
        if (config.allowAnonymous()) {
            validators.add(AnonymousIdentityValidator.INSTANCE);
        }
        if (!config.users().isEmpty()) {
            validators.add(new PasswordValidator(config.users()));
        }
        return new CompositeValidator(validators);
    }

    /** The URL at the configured path, e.g. {@code opc.tcp://127.0.0.1:4840/plc}. */
    static String endpointUrl(PlcServerConfig config) {
        return bareUrl(config) + (config.path().equals("/") ? BARE : config.path());
    }

    /** The URL without a path, e.g. {@code opc.tcp://127.0.0.1:4840}. */
    static String bareUrl(PlcServerConfig config) {
        return "opc.tcp://" + advertisedHost(config) + ":" + config.port();
    }

    /** The bind address, or the machine's name when listening on all interfaces. */
    static String advertisedHost(PlcServerConfig config) {
        try {
            InetAddress bind = InetAddress.getByName(config.bindAddress());
            return bind.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : config.bindAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address '" + config.bindAddress() + "' cannot be resolved", e);
        }
    }

    /** Names the server certificate is issued for: loopback always, plus the advertised host. */
    static List<String> certificateHostNames(PlcServerConfig config) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        names.add(advertisedHost(config));
        return List.copyOf(names);
    }
}
