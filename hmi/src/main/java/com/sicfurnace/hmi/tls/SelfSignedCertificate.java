package com.sicfurnace.hmi.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed server certificate made with BouncyCastle for an HMI that has no certificate of the plant's: an EC
 * P-256 key (fast to make and to handshake with; every current browser takes it), SHA-256 with ECDSA, valid for
 * {@link #VALIDITY} from an hour before now (clocks of clients run a little behind), with the names the HMI is reached
 * by as subject alternative names (browsers ignore the common name), for server authentication only.
 */
public final class SelfSignedCertificate {
    public static final Duration VALIDITY = Duration.ofDays(730);
    private static final Duration BACKDATE = Duration.ofHours(1);

    private SelfSignedCertificate() {
    }

    public record Generated(KeyPair keyPair, X509Certificate certificate) {
    }

    /** @param names host names and IP address literals, the first of which is the common name */
    public static Generated generate(Set<String> names, Clock clock, SecureRandom random)
            throws GeneralSecurityException {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, names.iterator().next())
                .addRDN(BCStyle.O, "SiC furnace HMI (self-signed)")
                .build();
        Instant now = clock.instant();
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            certificate.verify(keys.getPublic());
            return new Generated(keys, certificate);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("could not build the self-signed certificate", e);
        }
    }

    private static GeneralNames alternativeNames(Set<String> names) {
        List<GeneralName> list = new ArrayList<>();
        for (String name : names) {
            list.add(new GeneralName(HostNames.isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(list.toArray(new GeneralName[0]));
    }
}
