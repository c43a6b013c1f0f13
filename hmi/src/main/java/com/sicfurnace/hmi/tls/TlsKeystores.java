package com.sicfurnace.hmi.tls;

import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.hmi.data.DataFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key store the HTTPS connector serves: the plant's (configured {@code tls.keystore}, its password in an
 * owner-only file), or else one the HMI generates at its first start into {@code data_dir/tls/hmi.p12} (PKCS#12,
 * owner-only) with a random password in the owner-only file {@code hmi.p12.password} beside it. A generated one is
 * kept across restarts (so that the fingerprint users have checked stays), and made anew only when it is about to
 * expire or does not name the address the HMI is now bound to.
 */
public final class TlsKeystores {
    private static final Logger LOG = LoggerFactory.getLogger(TlsKeystores.class);
    public static final String DIR = "tls";
    public static final String FILE = "hmi.p12";
    public static final String PASSWORD_FILE = "hmi.p12.password";
    private static final String ALIAS = "hmi";
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    private TlsKeystores() {
    }

    /**
     * The plant's key store: PKCS#12 or JKS (told apart by its content), its first private key entry served.
     *
     * @throws IllegalArgumentException naming the file if it cannot be read with the password or holds no key
     */
    public static TlsMaterial configured(Path keystore, Path passwordFile) throws IOException {
        String password = SecretFiles.read(passwordFile);
        KeyStore store;
        try {
            store = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS key store " + keystore + " cannot be read with the password in "
                    + passwordFile + ": " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return new TlsMaterial(store, password, certificate, fingerprint(certificate), keystore, false);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key store " + keystore + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("TLS key store " + keystore + " holds no private key with a certificate");
    }

    /** The generated key store in {@code dataDir/tls}, made now if there is none fit to serve {@code names}. */
    public static TlsMaterial generated(Path dataDir, Set<String> names, Clock clock, SecureRandom random)
            throws IOException, GeneralSecurityException {
        Path dir = dataDir.resolve(DIR);
        SecretFiles.ownerOnlyDirectory(dir);
        Path file = dir.resolve(FILE);
        String password = SecretFiles.readOrGenerate(dir.resolve(PASSWORD_FILE));
        if (Files.exists(file)) {
            SecretFiles.ownerOnly(file);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            String unfit = certificate == null ? "it holds no certificate named " + ALIAS
                    : unfit(certificate, names, clock.instant());
            if (unfit.isEmpty()) {
                return new TlsMaterial(store, password, certificate, fingerprint(certificate), file, true);
            }
            LOG.warn("generated TLS certificate {} is made anew: {}; its fingerprint changes", file, unfit);
        }
        SelfSignedCertificate.Generated made = SelfSignedCertificate.generate(names, clock, random);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, made.keyPair().getPrivate(), password.toCharArray(),
                new X509Certificate[] {made.certificate()});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        DataFiles.writeAtomically(file, bytes.toByteArray());
        LOG.info("generated a self-signed TLS certificate for {} into {} (owner-only)", names, file);
        return new TlsMaterial(store, password, made.certificate(), fingerprint(made.certificate()), file, true);
    }

    /** Why a generated certificate can no longer serve, or empty. */
    private static String unfit(X509Certificate certificate, Set<String> names, Instant now) {
        if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
            return "it expires " + certificate.getNotAfter().toInstant();
        }
        Set<String> held = alternativeNames(certificate);
        for (String name : names) {
            if (!held.contains(normal(name))) {
                return "it does not name " + name;
            }
        }
        return "";
    }

    private static Set<String> alternativeNames(X509Certificate certificate) {
        Set<String> names = new HashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                entries.forEach(entry -> names.add(normal(String.valueOf(entry.get(1)))));
            }
        } catch (CertificateParsingException e) {
            LOG.warn("the names of the generated certificate cannot be read: {}", e.getMessage());
        }
        return names;
    }

    /** A name as compared: host names in lower case, addresses in Java's canonical text (for IPv6). */
    private static String normal(String name) {
        if (HostNames.isAddress(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (UnknownHostException e) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** SHA-256 over the certificate's DER bytes, upper-case hex in colon-separated pairs, as browsers show it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot take the certificate's SHA-256 fingerprint", e);
        }
    }
}
