package com.sicfurnace.simulator.opcua;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How the simulator's PLC OPC UA server is reached and secured.
 *
 * @param bindAddress    address to listen on; also the host name in the advertised endpoint URL unless it is a
 *                       wildcard address (then the machine's host name is advertised)
 * @param port           TCP port, 1..65535 (no ephemeral port: the endpoint URL must name the real one)
 * @param path           endpoint path, e.g. {@code /plc}
 * @param pkiDir         server key store ({@code server.pfx}, owner-only, its random password beside it in
 *                       {@code server.pfx.password}) and trust lists ({@code trusted/}, {@code issuer/},
 *                       {@code rejected/})
 * @param users          user name to password; empty means no user name logins
 * @param allowAnonymous whether anonymous sessions are accepted
 * @param applicationUri the server's application URI; it is written into the server certificate on first start
 */
public record PlcServerConfig(String bindAddress, int port, String path, Path pkiDir, Map<String, String> users,
                              boolean allowAnonymous, String applicationUri) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final String DEFAULT_PATH = "/plc";
    public static final String DEFAULT_APPLICATION_URI = "urn:sicfurnace:simulator:plc";

    public PlcServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pkiDir, "pkiDir");
        Objects.requireNonNull(applicationUri, "applicationUri");
        users = Map.copyOf(users);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must lie in 1..65535, not " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', not '" + path + "'");
        }
        if (users.values().stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("every user needs a non-empty password");
        }
        if (!allowAnonymous && users.isEmpty()) {
            throw new IllegalArgumentException("anonymous access is off and there are no users: nobody could log in");
        }
    }

    /** Loopback, path {@value #DEFAULT_PATH}, anonymous allowed, no users: for local development. */
    public static PlcServerConfig localDevelopment(int port, Path pkiDir) {
        return new PlcServerConfig(LOOPBACK, port, DEFAULT_PATH, pkiDir, Map.of(), true, DEFAULT_APPLICATION_URI);
    }

    public PlcServerConfig withUsers(Map<String, String> newUsers) {
        return new PlcServerConfig(bindAddress, port, path, pkiDir, newUsers, allowAnonymous, applicationUri);
    }

    public PlcServerConfig withAnonymous(boolean allowed) {
        return new PlcServerConfig(bindAddress, port, path, pkiDir, users, allowed, applicationUri);
    }

    public PlcServerConfig withBindAddress(String address) {
        return new PlcServerConfig(address, port, path, pkiDir, users, allowAnonymous, applicationUri);
    }

    public PlcServerConfig withPort(int newPort) {
        return new PlcServerConfig(bindAddress, newPort, path, pkiDir, users, allowAnonymous, applicationUri);
    }

    /** Names the users but never their passwords, so that the config can be logged. */
    @Override
    public String toString() {
        return "PlcServerConfig[bindAddress=" + bindAddress + ", port=" + port + ", path=" + path + ", pkiDir="
                + pkiDir + ", users=" + new TreeSet<>(users.keySet()) + ", allowAnonymous=" + allowAnonymous
                + ", applicationUri=" + applicationUri + "]";
    }
}
