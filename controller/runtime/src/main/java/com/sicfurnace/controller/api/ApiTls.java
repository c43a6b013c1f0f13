package com.sicfurnace.controller.api;

import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's TLS identity when it listens beyond loopback: the configured PKCS#12 key store, or else a key pair and
 * self-signed certificate generated at first start into {@code <dir>/tls.p12}, protected by a random password in
 * {@code <dir>/tls.p12.password}, both readable by their owner only. Its SHA-256 fingerprint is logged, so that the
 * HMI's administrator can pin it.
 */
final class ApiTls {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTls.class);
    static final String KEY_STORE = "tls.p12";
    private static final String ALIAS = "api";

    private ApiTls() {
    }

    static SslContextFactory.Server contextFactory(ApiSettings settings) {
        Path file = settings.keyStore().orElse(settings.dir().resolve(KEY_STORE));
        String password = settings.keyStorePasswordFile().map(SecretFiles::read)
                .orElseGet(() -> SecretFiles.readOrGenerate(settings.dir().resolve(KEY_STORE + ".password")));
        try {
            if (settings.keyStore().isEmpty() && !Files.exists(file)) {
                generate(file, password, settings.bind());
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            logFingerprint(file, store);
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setKeyStore(store);
            factory.setKeyStorePassword(password);
            factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException("api: cannot read the TLS key store " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("api: the TLS key store " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    private static void generate(Path file, String password, String bind) throws IOException,
            GeneralSecurityException {
        SecretFiles.ownerOnlyDirectory(file.toAbsolutePath().getParent());
        KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keys)
                .setCommonName("SiC furnace controller API").setOrganization("sicfurnace")
                .setApplicationUri("urn:sicfurnace:controller:api").addDnsName("localhost")
                .addIpAddress("127.0.0.1");
        InetAddress address = InetAddress.getByName(bind);
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            builder.addIpAddress(address.getHostAddress());
        }
        String host = InetAddress.getLocalHost().getHostName();
        builder.addDnsName(host);
        X509Certificate certificate;
        try {
            certificate = builder.build();
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(Files.createFile(file,
                SecretFiles.ownerOnlyOnCreation(file.toAbsolutePath().getParent())))) {
            store.store(out, password.toCharArray());
        }
        LOG.info("api: generated a self-signed TLS certificate for {} and {} into {}", host, bind, file);
    }

    private static void logFingerprint(Path file, KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                byte[] der = store.getCertificate(alias).getEncoded();
                String sha256 = HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
                LOG.info("api: TLS certificate from {} (alias {}), SHA-256 {}", file, alias, sha256);
                return;
            }
        }
        throw new GeneralSecurityException("it holds no private key with a certificate");
    }
}
