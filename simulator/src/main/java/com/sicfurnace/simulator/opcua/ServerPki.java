package com.sicfurnace.simulator.opcua;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's key material and trust lists under one directory:
 *
 * <pre>
 * pki/                    owner-only (0700) when the simulator creates it
 * pki/server.pfx          PKCS#12 with the self-signed server certificate and its private key, created on first
 *                         start and then reused; owner-only (0600)
 * pki/server.pfx.password the key store's password, random, created with the key store; owner-only (0600)
 * pki/trusted/certs/      trusted client certificates (DER); watched, so a copied file counts at once
 * pki/trusted/crl/
 * pki/issuer/certs/       CA certificates that issue client certificates
 * pki/issuer/crl/
 * pki/rejected/certs/     client certificates that were refused; move one to trusted/certs to trust it
 * </pre>
 */
final class ServerPki implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPki.class);
    private static final String KEY_STORE_FILE = "server.pfx";
    private static final String PASSWORD_FILE = "server.pfx.password";
    private static final int PASSWORD_BYTES = 32;

    private final KeyStoreCertificateStore keyStore;
    private final FileBasedTrustListManager trustList;
    private final CertificateManager certificateManager;
    private final X509Certificate certificate;

    private ServerPki(KeyStoreCertificateStore keyStore, FileBasedTrustListManager trustList,
                      CertificateManager certificateManager, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.trustList = trustList;
        this.certificateManager = certificateManager;
        this.certificate = certificate;
    }

    /** Loads the PKI directory, creating the directories and the server certificate where they are missing. */
    static ServerPki open(Path dir, String applicationUri, List<String> hostNames) throws Exception {
        OwnerOnlyFiles.createDirectory(dir);
        Path pfx = dir.resolve(KEY_STORE_FILE);
        boolean created = !Files.exists(pfx);
        char[] password = keyStorePassword(pfx, dir.resolve(PASSWORD_FILE));
        KeyStoreCertificateStore keyStore = openKeyStore(pfx, dir.resolve(PASSWORD_FILE), password);
        FileBasedTrustListManager trustList = null;
        try {
            trustList = FileBasedTrustListManager.createAndInitialize(dir);
            Path rejectedDir = dir.resolve("rejected").resolve("certs");
            var quarantine = new LoggingQuarantine(FileBasedCertificateQuarantine.create(rejectedDir), rejectedDir,
                    dir.resolve("trusted").resolve("certs"));
            var group = DefaultApplicationGroup.createAndInitialize(trustList, keyStore,
                    certificateFactory(applicationUri, hostNames),
                    new DefaultServerCertificateValidator(trustList, quarantine));
            X509Certificate certificate =
                    group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType).orElseThrow()[0];
            requireApplicationUri(certificate, applicationUri, pfx);
            LOG.info("server certificate {}: subject=\"{}\" thumbprint={} file={}", created ? "created" : "loaded",
                    certificate.getSubjectX500Principal().getName(), LoggingQuarantine.thumbprint(certificate), pfx);
            return new ServerPki(keyStore, trustList, new DefaultCertificateManager(quarantine, group), certificate);
        } catch (Exception e) {
            closeQuietlyAfter(e, trustList);
            closeQuietlyAfter(e, keyStore);
            throw e;
        }
    }

    /**
     * The key store's password, from the owner-only file beside it; on first start a random one, written there
     * before the key store is created (empty, owner-only, so that Milo writes the private key into a file nobody else
     * can read). A key store without its password file cannot be opened, and is not replaced silently.
     */
    private static char[] keyStorePassword(Path pfx, Path passwordFile) throws IOException, GeneralSecurityException {
        boolean keyStoreExists = Files.exists(pfx);
        boolean passwordExists = Files.exists(passwordFile);
        if (keyStoreExists && !passwordExists) {
            throw new IllegalStateException("the key store " + pfx + " exists without its password file "
                    + passwordFile + ": restore the password file, or delete " + pfx + " to have a new certificate"
                    + " and password created (clients that trust the old certificate must then trust the new one)");
        }
        char[] password;
        if (passwordExists) {
            OwnerOnlyFiles.restrict(passwordFile);
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            if (password.length == 0) {
                throw new IllegalStateException("the key store password file " + passwordFile + " is empty");
            }
        } else {
            byte[] random = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            OwnerOnlyFiles.create(passwordFile, (text + "\n").getBytes(StandardCharsets.UTF_8));
            password = text.toCharArray();
            LOG.info("key store password created: file={}", passwordFile);
        }
        if (keyStoreExists) {
            OwnerOnlyFiles.restrict(pfx);
        } else {
            KeyStore empty = KeyStore.getInstance("pkcs12");
            empty.load(null, password);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            empty.store(bytes, password);
            OwnerOnlyFiles.create(pfx, bytes.toByteArray());
        }
        return password;
    }

    private static KeyStoreCertificateStore openKeyStore(Path pfx, Path passwordFile, char[] password)
            throws Exception {
        try {
            return KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(pfx,
                    password::clone, alias -> password.clone()));
        } catch (IOException e) {
            throw new IOException("cannot open the key store " + pfx + " with the password in " + passwordFile
                    + ": " + e.getMessage(), e);
        }
    }

    private static RsaSha256CertificateFactory certificateFactory(String applicationUri, List<String> hostNames) {
        return new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                        .setCommonName("SiC furnace simulator PLC")
                        .setOrganization("sicfurnace")
                        .setApplicationUri(applicationUri);
                for (String host : hostNames) {
                    if (host.matches("[0-9.]+|.*:.*")) {
                        builder.addIpAddress(host);
                    } else {
                        builder.addDnsName(host);
                    }
                }
                return new X509Certificate[] {builder.build()};
            }
        };
    }

    // Clients check the certificate's URI against the server's; a stale server.pfx would fail every secure login.
    private static void requireApplicationUri(X509Certificate certificate, String applicationUri, Path pfx) {
        String inCertificate = CertificateUtil.getSanUri(certificate).orElse("(none)");
        if (!inCertificate.equals(applicationUri)) {
            throw new IllegalStateException("the server certificate in " + pfx + " names application URI "
                    + inCertificate + ", the configuration " + applicationUri
                    + "; delete the file to have a new certificate created");
        }
    }

    private static void closeQuietlyAfter(Exception failure, AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    CertificateManager certificateManager() {
        return certificateManager;
    }

    List<X509Certificate> trustedCertificates() {
        return trustList.getTrustedCertificates();
    }

    /** Stops the trust list's directory watcher and the key store. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            trustList.close();
        } catch (IOException e) {
            failure = e;
        }
        try {
            keyStore.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
