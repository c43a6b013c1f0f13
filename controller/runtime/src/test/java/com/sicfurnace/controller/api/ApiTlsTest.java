package com.sicfurnace.controller.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bound beyond loopback (here the wildcard address), the API serves HTTPS only, with a self-signed certificate made
 * at first start into an owner-only key store; a client that trusts that certificate gets its answers over TLS,
 * plain HTTP gets none.
 */
class ApiTlsTest {
    @TempDir
    Path dir;

    @Test
    void beyondLoopbackOnlyHttpsWithTheGeneratedCertificate() throws Exception {
        Path api = dir.resolve("api");
        ApiSettings wildcard = new ApiSettings(true, "0.0.0.0", 0, api, Optional.empty(), Optional.empty(),
                Optional.empty());
        assertTrue(wildcard.tls());
        try (ApiRig rig = new ApiRig(dir, wildcard)) {
            rig.scans(2);
            Path keyStore = api.resolve(ApiTls.KEY_STORE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore)));
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keyStore, api)).build();
            HttpResponse<String> secure = trusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + rig.server.port() + "/api/v1/controller")).header("Authorization", "Bearer " + rig.token())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, secure.statusCode(), secure.body());
            assertTrue(ApiRig.json(secure).path("tls").asBoolean());
            assertThrows(java.io.IOException.class, () -> rig.http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + rig.server.port() + "/api/v1/controller")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the TLS port");
        }
    }

    /** A client trusting exactly the certificate in the generated key store. */
    private static SSLContext trusting(Path keyStore, Path api) throws Exception {
        String password = Files.readString(api.resolve(ApiTls.KEY_STORE + ".password")).strip();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("api", store.getCertificate(store.aliases().nextElement()));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
