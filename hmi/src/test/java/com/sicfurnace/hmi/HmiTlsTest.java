package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.app.HmiConfig;
import com.sicfurnace.hmi.tls.SelfSignedCertificate;
import com.sicfurnace.hmi.tls.TlsKeystores;
import com.sicfurnace.hmi.tls.TlsPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS. The end-to-end tests bind 127.0.0.1 with {@code tls.enabled: true}, the configuration's switch that serves
 * HTTPS on loopback too: this workplace allows test traffic to loopback addresses only, so no test binds the
 * machine's network address. That a non-loopback bind selects HTTPS (and refuses plain HTTP) is tested on the
 * configuration and the policy, which decide it, without traffic.
 */
class HmiTlsTest {
    private static final Pattern FINGERPRINT = Pattern.compile(
            "TLS certificate SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2}) \\(self-signed, generated into ");

    @TempDir
    Path dir;

    @Test
    void servesHttpsOnlyWithAGeneratedSelfSignedCertificate() throws Exception {
        String fingerprint;
        try (TestHmi hmi = TestHmi.start(dir, "tls: {enabled: true}\n")) {
            assertTrue(hmi.out.startsWith("HMI on https://127.0.0.1:" + hmi.server.port() + " — first start"),
                    hmi.out);
            Matcher m = FINGERPRINT.matcher(hmi.out);
            assertTrue(m.find(), hmi.out);
            fingerprint = m.group(1);

            Path tls = hmi.dataDir().resolve(TlsKeystores.DIR);
            Path p12 = tls.resolve(TlsKeystores.FILE);
            Path password = tls.resolve(TlsKeystores.PASSWORD_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
            X509Certificate certificate = certificateIn(p12, Files.readString(password).strip());
            assertEquals(fingerprint, TlsKeystores.fingerprint(certificate), "the printed fingerprint is the file's");
            assertTrue(certificate.getPublicKey() instanceof ECPublicKey, "EC P-256");
            assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "self-signed");
            long days = Duration.between(certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant()).toDays();
            assertEquals(730, days, "valid two years (from an hour before the start)");
            Set<String> names = certificate.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1)))
                    .collect(Collectors.toSet());
            assertTrue(names.contains("127.0.0.1") && names.contains("localhost"), names.toString());
            assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "server authentication");

            // a client that trusts exactly this certificate, with host name verification on
            Browser browser = new Browser(hmi.server.url(), trusting(certificate));
            Browser.Response login = browser.login("admin", hmi.adminPassword());
            assertEquals(303, login.status(), login.toString());
            String served = TlsKeystores.fingerprint(
                    (X509Certificate) login.ssl().orElseThrow().getPeerCertificates()[0]);
            assertEquals(fingerprint, served, "the served certificate is the one printed");
            String cookie = login.setCookies().stream().filter(c -> c.startsWith("hmi_session=")).findFirst()
                    .orElseThrow();
            assertTrue(List.of(cookie.split(";\\s*")).contains("Secure"), cookie);
            assertTrue(List.of(cookie.split(";\\s*")).contains("HttpOnly"), cookie);
            assertEquals(200, browser.get("/api/v1/session").status());
            assertTrue(browser.get("/login").setCookies().get(0).endsWith("; Secure"), "the login cookie too");

            // a client that trusts the JDK's authorities only refuses this certificate
            Browser stranger = new Browser(hmi.server.url());
            assertThrows(IOException.class, () -> stranger.get("/health"));
            // and nothing answers plain HTTP on the port
            Browser plain = new Browser(URI.create("http://127.0.0.1:" + hmi.server.port()));
            assertThrows(IOException.class, () -> plain.get("/health"));
        }
        try (TestHmi again = TestHmi.start(dir, "tls: {enabled: true}\n")) {
            assertTrue(again.out.contains(fingerprint), "a restart keeps the certificate: " + again.out);
        }
    }

    @Test
    void servesThePlantsKeystoreWhenConfigured() throws Exception {
        SelfSignedCertificate.Generated plant = SelfSignedCertificate.generate(Set.of("localhost", "127.0.0.1"),
                new MutableClock(TestHmi.START), new SecureRandom());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("plant", plant.keyPair().getPrivate(), "plant-secret".toCharArray(),
                new X509Certificate[] {plant.certificate()});
        Path p12 = dir.resolve("plant.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "plant-secret".toCharArray());
        }
        Path password = Files.writeString(dir.resolve("plant.password"), "plant-secret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        try (TestHmi hmi = TestHmi.start(dir, "tls: {keystore: plant.p12, keystore_password_file: plant.password}\n")) {
            assertTrue(hmi.out.contains(TlsKeystores.fingerprint(plant.certificate()) + " (" + p12.toAbsolutePath()
                    .normalize() + ")"), hmi.out);
            Browser browser = new Browser(hmi.server.url(), trusting(plant.certificate()));
            Browser.Response health = browser.get("/health");
            assertEquals(200, health.status());
            assertEquals(TlsKeystores.fingerprint(plant.certificate()), TlsKeystores.fingerprint(
                    (X509Certificate) health.ssl().orElseThrow().getPeerCertificates()[0]));
            assertFalse(Files.exists(hmi.dataDir().resolve(TlsKeystores.DIR)), "nothing generated");
        }
    }

    @Test
    void anyBindBeyondLoopbackServesHttpsOnly() throws Exception {
        assertFalse(TlsPolicy.requiresTls("127.0.0.1"));
        assertFalse(TlsPolicy.requiresTls("127.0.0.2"));
        assertFalse(TlsPolicy.requiresTls("::1"));
        assertFalse(TlsPolicy.requiresTls("localhost"));
        assertTrue(TlsPolicy.requiresTls("0.0.0.0"));
        assertTrue(TlsPolicy.requiresTls("::"));
        assertTrue(TlsPolicy.requiresTls("192.0.2.10"));

        Path wildcard = Files.writeString(dir.resolve("wild.yaml"), "bind: 0.0.0.0\n");
        HmiConfig config = HmiConfig.load(wildcard);
        assertTrue(config.servesTls());
        assertEquals(8443, config.effectivePort());
        assertEquals(8080, HmiConfig.load(Files.writeString(dir.resolve("local.yaml"), "bind: 127.0.0.1\n"))
                .effectivePort());
        Path off = Files.writeString(dir.resolve("off.yaml"), "bind: 0.0.0.0\ntls:\n  enabled: false\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> HmiConfig.load(off));
        assertTrue(refused.getMessage().startsWith(off + ": tls.enabled: false is refused with bind 0.0.0.0"),
                refused.getMessage());
    }

    private static X509Certificate certificateIn(Path p12, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate("hmi");
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("hmi", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }
}
