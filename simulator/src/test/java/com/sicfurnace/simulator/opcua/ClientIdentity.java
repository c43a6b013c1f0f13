package com.sicfurnace.simulator.opcua;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** A test client's key pair, self-signed certificate and its own trust list of server certificates. */
final class ClientIdentity implements AutoCloseable {
    static final String APPLICATION_URI = "urn:sicfurnace:test:client";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final DefaultClientCertificateValidator validator;

    private ClientIdentity(KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList,
                           DefaultClientCertificateValidator validator) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.validator = validator;
    }

    static ClientIdentity create(Path pkiDir) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("PLC server test client")
                .setApplicationUri(APPLICATION_URI)
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1")
                .build();
        FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(pkiDir);
        var validator = new DefaultClientCertificateValidator(trustList,
                FileBasedCertificateQuarantine.create(pkiDir.resolve("rejected").resolve("certs")));
        return new ClientIdentity(keyPair, certificate, trustList, validator);
    }

    void trust(X509Certificate serverCertificate) {
        trustList.addTrustedCertificate(serverCertificate);
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    X509Certificate[] chain() {
        return new X509Certificate[] {certificate};
    }

    DefaultClientCertificateValidator validator() {
        return validator;
    }

    @Override
    public void close() throws IOException {
        trustList.close();
    }
}
