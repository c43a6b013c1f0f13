package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@ExtendWith(NoStackTracesLogged.class)
class ServerPkiTest {
    private static final String URI = PlcServerConfig.DEFAULT_APPLICATION_URI;
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

    @TempDir
    Path tmp;

    @Test
    void theFirstStartWritesKeyStoreAndRandomPasswordOwnerOnlyIntoAnOwnerOnlyDirectory() throws Exception {
        Path dir = tmp.resolve("var").resolve("pki"); // created by the simulator, parents included
        open(dir).close();

        assertEquals("rwx------", permissions(dir));
        assertEquals("rw-------", permissions(dir.resolve("server.pfx")));
        assertEquals("rw-------", permissions(dir.resolve("server.pfx.password")));
        char[] password = password(dir);
        assertTrue(password.length >= 40, "32 random bytes, base64: " + password.length + " characters");
        KeyStore keyStore = load(dir, password);
        assertTrue(keyStore.getKey("server-rsa-sha256", password) instanceof PrivateKey,
                "the private key is in the key store, under the password in the file");

        Path other = tmp.resolve("other-pki");
        open(other).close();
        assertNotEquals(String.valueOf(password), String.valueOf(password(other)),
                "each PKI directory gets its own password, not one written into the code");
    }

    @Test
    void aRestartTightensLooseFilesAndReusesTheCertificateAndPassword() throws Exception {
        Path dir = tmp.resolve("pki");
        byte[] certificate;
        try (ServerPki first = open(dir)) {
            certificate = first.certificate().getEncoded();
        }
        char[] password = password(dir);
        Path pfx = dir.resolve("server.pfx");
        Path passwordFile = dir.resolve("server.pfx.password");
        Files.setPosixFilePermissions(pfx, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));

        List<ILoggingEvent> logged = logOf(OwnerOnlyFiles.class, () -> {
            try (ServerPki again = open(dir)) {
                assertArrayEquals(certificate, again.certificate().getEncoded());
            }
        });

        assertEquals("rw-------", permissions(pfx));
        assertEquals("rw-------", permissions(passwordFile));
        assertArrayEquals(password, password(dir));
        for (Path file : List.of(pfx, passwordFile)) {
            assertTrue(logged.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains(file.toString())
                    && e.getFormattedMessage().contains("rw-r--r--")), file + " tightened and said so: " + logged);
        }
    }

    @Test
    void aKeyStoreWithoutItsPasswordFileIsRefusedNamingBoth() throws Exception {
        Path dir = tmp.resolve("pki");
        open(dir).close();
        Files.delete(dir.resolve("server.pfx.password"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> open(dir));
        assertTrue(refused.getMessage().contains(dir.resolve("server.pfx").toString())
                && refused.getMessage().contains(dir.resolve("server.pfx.password").toString()), refused.getMessage());
        assertTrue(Files.exists(dir.resolve("server.pfx")), "the key store is left for the operator to decide");
    }

    @Test
    void aPasswordThatDoesNotOpenTheKeyStoreIsRefusedNamingBoth() throws Exception {
        Path dir = tmp.resolve("pki");
        open(dir).close();
        Files.writeString(dir.resolve("server.pfx.password"), "not-the-password\n");

        IOException refused = assertThrows(IOException.class, () -> open(dir));
        assertTrue(refused.getMessage().contains(dir.resolve("server.pfx").toString())
                && refused.getMessage().contains(dir.resolve("server.pfx.password").toString()), refused.getMessage());
    }

    private static ServerPki open(Path dir) throws Exception {
        return ServerPki.open(dir, URI, HOSTS);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static char[] password(Path dir) throws IOException {
        return Files.readString(dir.resolve("server.pfx.password"), StandardCharsets.UTF_8).strip().toCharArray();
    }

    private static KeyStore load(Path dir, char[] password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("pkcs12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.pfx"))) {
            keyStore.load(in, password);
        }
        return keyStore;
    }

    private static List<ILoggingEvent> logOf(Class<?> source, Action action) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}
