package com.sicfurnace.controller.io.opcua;

import com.sicfurnace.controller.secret.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The controller's OPC UA identity and trust: a key pair and self-signed certificate created on first start into
 * {@code client.pfx} and reused after, and a trust list of server certificates ({@code pki/trusted/certs});
 * server certificates it does not trust are quarantined in {@code pki/rejected/certs} for an engineer to move. The
 * key store and its folder are readable by their owner only; its password is the configured one, or one generated
 * at first start into {@code client.pfx.password} (owner only).
 */
final class ClientCredentials implements AutoCloseable {
    static final String KEY_STORE = "client.pfx";
    static final String GENERATED_PASSWORD = "client.pfx.password";

    private final KeyStoreCertificateStore store;
    private final FileBasedTrustListManager trustList;
    private final KeyPair keyPair;
    private final X509Certificate[] chain;
    private final DefaultClientCertificateValidator validator;

    ClientCredentials(Path dir, String applicationUri, Optional<String> configuredPassword) {
        try {
            // the folder first: while the store is being written nobody else can reach it
            SecretFiles.ownerOnlyDirectory(dir);
            char[] password = configuredPassword
                    .orElseGet(() -> SecretFiles.readOrGenerate(dir.resolve(GENERATED_PASSWORD))).toCharArray();
            Path keyStore = dir.resolve(KEY_STORE);
            store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                    keyStore, () -> password, alias -> password));
            var type = NodeIds.RsaSha256ApplicationCertificateType;
            if (!store.contains(type)) {
                KeyPair generated = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                X509Certificate certificate = new SelfSignedCertificateBuilder(generated)
                        .setCommonName("SiC furnace controller").setOrganization("sicfurnace")
                        .setApplicationUri(applicationUri)
                        .addDnsName("localhost").addIpAddress("127.0.0.1").build();
                store.set(type, new CertificateStore.Entry(generated.getPrivate(),
                        new X509Certificate[] {certificate}));
            }
            SecretFiles.ownerOnly(keyStore);
            CertificateStore.Entry entry = store.get(type);
            chain = entry.certificateChain;
            keyPair = new KeyPair(chain[0].getPublicKey(), entry.privateKey);
            Path pki = dir.resolve("pki");
            trustList = FileBasedTrustListManager.createAndInitialize(pki);
            validator = new DefaultClientCertificateValidator(trustList,
                    FileBasedCertificateQuarantine.create(pki.resolve("rejected").resolve("certs")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the OPC UA client certificate in " + dir + ": "
                    + e.getMessage() + " (is " + KEY_STORE + " protected by another password?)", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the OPC UA client certificate in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate[] chain() {
        return chain;
    }

    DefaultClientCertificateValidator validator() {
        return validator;
    }

    @Override
    public void close() {
        try {
            trustList.close();
            store.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the OPC UA client's trust list: " + e.getMessage(), e);
        }
    }
}
