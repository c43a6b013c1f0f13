package com.sicfurnace.controller.io.opcua;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the PLC over OPC UA. Security NONE needs no certificates (local development); BASIC256SHA256 uses
 * SignAndEncrypt with the client certificate kept in {@code pkiDir} (created on first start) and trusts the server
 * certificates in {@code pkiDir/pki/trusted/certs}. Without a username the session is anonymous. The key store
 * holding the client's private key ({@code pkiDir/client.pfx}) is protected by {@code keyStorePassword}; without
 * one, by a password generated at first start into {@code pkiDir/client.pfx.password}, readable by its owner only.
 */
public record OpcUaSettings(String endpointUrl, Security security, Path pkiDir, String applicationUri,
                            Optional<String> username, Optional<String> password,
                            Optional<String> keyStorePassword, int connectTimeoutMs,
                            int requestTimeoutMs, int keepAliveIntervalMs, int reconnectMinMs, int reconnectMaxMs,
                            double publishingIntervalMs) {

    /** Message security of the session. */
    public enum Security { NONE, BASIC256SHA256 }

    public OpcUaSettings {
        Objects.requireNonNull(endpointUrl, "opcua endpoint");
        Objects.requireNonNull(security, "opcua security");
        Objects.requireNonNull(pkiDir, "opcua pki_dir");
        Objects.requireNonNull(applicationUri, "opcua application_uri");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("opcua: give both username and password, or neither");
        }
        if (connectTimeoutMs < 100 || requestTimeoutMs < 100 || keepAliveIntervalMs < 100 || reconnectMinMs < 1
                || reconnectMaxMs < reconnectMinMs || !(publishingIntervalMs > 0)) {
            throw new IllegalArgumentException("opcua: timeouts and keep-alive >= 100 ms, 1 <= reconnect_min_ms <= "
                    + "reconnect_max_ms, publishing interval > 0");
        }
    }

    /** Security NONE, anonymous, on loopback: for development and tests. */
    public static OpcUaSettings insecure(String endpointUrl, Path pkiDir, double publishingIntervalMs) {
        return new OpcUaSettings(endpointUrl, Security.NONE, pkiDir, "urn:sicfurnace:controller", Optional.empty(),
                Optional.empty(), Optional.empty(), 2000, 2000, 1000, 200, 5000, publishingIntervalMs);
    }

    /** Names the user but never a password, so that the settings can be logged. */
    @Override
    public String toString() {
        return "OpcUaSettings[endpointUrl=" + endpointUrl + ", security=" + security + ", pkiDir=" + pkiDir
                + ", applicationUri=" + applicationUri + ", username=" + username.orElse("(anonymous)")
                + ", keyStorePassword=" + (keyStorePassword.isPresent() ? "(configured)" : "(generated)") + "]";
    }
}
