package com.sicfurnace.controller.io.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's OPC UA identity: its private key stays with the controller's user, under no fixed password. */
class ClientCredentialsTest {
    private static final String URI = "urn:sicfurnace:controller";

    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedOwnerOnlyAndReusedAfter() throws Exception {
        Path pki = dir.resolve("controller-pki");
        byte[] certificate;
        try (ClientCredentials first = new ClientCredentials(pki, URI, Optional.empty())) {
            certificate = first.chain()[0].getEncoded();
        }
        assertEquals("rwx------", mode(pki));
        assertEquals("rw-------", mode(pki.resolve(ClientCredentials.KEY_STORE)));
        Path password = pki.resolve(ClientCredentials.GENERATED_PASSWORD);
        assertEquals("rw-------", mode(password));
        assertTrue(Files.readString(password).trim().length() >= 40, "a long random password");
        try (ClientCredentials again = new ClientCredentials(pki, URI, Optional.empty())) {
            assertArrayEquals(certificate, again.chain()[0].getEncoded(), "the same identity after a restart");
        }
    }

    @Test
    void aConfiguredPasswordProtectsTheKeyStoreAndNoneIsGenerated() throws Exception {
        Path pki = dir.resolve("pki");
        new ClientCredentials(pki, URI, Optional.of("from-the-vault")).close();
        assertFalse(Files.exists(pki.resolve(ClientCredentials.GENERATED_PASSWORD)));
        RuntimeException wrong = assertThrows(RuntimeException.class,
                () -> new ClientCredentials(pki, URI, Optional.of("another")));
        assertTrue(wrong.getMessage().contains(pki.toString()) && wrong.getMessage().contains("password"),
                wrong.getMessage());
        new ClientCredentials(pki, URI, Optional.of("from-the-vault")).close();
    }

    @Test
    void aKeyStoreOthersCouldReadIsTightened() throws Exception {
        Path pki = dir.resolve("pki");
        new ClientCredentials(pki, URI, Optional.empty()).close();
        Files.setPosixFilePermissions(pki.resolve(ClientCredentials.KEY_STORE), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(pki, PosixFilePermissions.fromString("rwxr-xr-x"));
        new ClientCredentials(pki, URI, Optional.empty()).close();
        assertEquals("rw-------", mode(pki.resolve(ClientCredentials.KEY_STORE)));
        assertEquals("rwx------", mode(pki));
    }

    @Test
    void aGeneratedPasswordFileOthersCanReadIsRefusedNamingIt() throws Exception {
        Path pki = dir.resolve("pki");
        new ClientCredentials(pki, URI, Optional.empty()).close();
        Path password = pki.resolve(ClientCredentials.GENERATED_PASSWORD);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ClientCredentials(pki, URI, Optional.empty()));
        assertTrue(e.getMessage().contains(password + " may be read by others"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }
}
