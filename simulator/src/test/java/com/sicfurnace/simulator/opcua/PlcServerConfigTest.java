package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlcServerConfigTest {
    private static final Path PKI = Path.of("pki");

    @Test
    void localDevelopmentIsLoopbackAnonymousOnThePlcPath() {
        PlcServerConfig config = PlcServerConfig.localDevelopment(4840, PKI);
        assertEquals("127.0.0.1", config.bindAddress());
        assertTrue(config.allowAnonymous());
        assertEquals("opc.tcp://127.0.0.1:4840/plc", PlcEndpoints.endpointUrl(config));
        assertEquals("opc.tcp://127.0.0.1:4840", PlcEndpoints.bareUrl(config));
    }

    @Test
    void theConfigCanBeLoggedWithoutItsPasswords() {
        String text = PlcServerConfig.localDevelopment(4840, PKI).withUsers(Map.of("operator", "s3cret")).toString();
        assertTrue(text.contains("operator"), text);
        assertFalse(text.contains("s3cret"), text);
    }

    @Test
    void aConfigNobodyCouldLogInToIsRefused() {
        PlcServerConfig config = PlcServerConfig.localDevelopment(4840, PKI);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.withAnonymous(false));
        assertEquals("anonymous access is off and there are no users: nobody could log in", e.getMessage());
    }

    @Test
    void portAndPathAndPasswordsAreChecked() {
        PlcServerConfig config = PlcServerConfig.localDevelopment(4840, PKI);
        assertThrows(IllegalArgumentException.class, () -> config.withPort(0));
        assertThrows(IllegalArgumentException.class, () -> config.withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> config.withUsers(Map.of("operator", "")));
        assertThrows(IllegalArgumentException.class, () -> new PlcServerConfig("127.0.0.1", 4840, "plc", PKI,
                Map.of(), true, PlcServerConfig.DEFAULT_APPLICATION_URI));
    }
}
