package com.sicfurnace.hmi.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What the HTTPS connector serves: the key store with the server's key and certificate, its password, the certificate
 * itself with its SHA-256 fingerprint (printed at start so that users can check what their browser shows), where the
 * key store came from, and whether the HMI generated it.
 */
public record TlsMaterial(KeyStore keyStore, String password, X509Certificate certificate, String fingerprint,
                          Path source, boolean generated) {
    public TlsMaterial {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "TlsMaterial[source=" + source + ", generated=" + generated + ", subject="
                + certificate.getSubjectX500Principal() + ", fingerprint=" + fingerprint + "]";
    }
}
