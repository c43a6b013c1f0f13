package com.sicfurnace.simulator.opcua;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Milo's quarantine for untrusted client certificates, with a log line per rejection: Milo itself only logs the
 * refused channel, not which certificate to trust or where to find it.
 */
final class LoggingQuarantine implements CertificateQuarantine {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingQuarantine.class);

    private final CertificateQuarantine delegate;
    private final Path rejectedDir;
    private final Path trustedDir;

    LoggingQuarantine(CertificateQuarantine delegate, Path rejectedDir, Path trustedDir) {
        this.delegate = delegate;
        this.rejectedDir = rejectedDir;
        this.trustedDir = trustedDir;
    }

    @Override
    public List<X509Certificate> getRejectedCertificates() {
        return delegate.getRejectedCertificates();
    }

    @Override
    public void addRejectedCertificate(X509Certificate certificate) {
        delegate.addRejectedCertificate(certificate);
        LOG.warn("client certificate rejected: subject=\"{}\" thumbprint={} saved in {}; move it to {} to trust it",
                certificate.getSubjectX500Principal().getName(), thumbprint(certificate), rejectedDir, trustedDir);
    }

    @Override
    public void removeRejectedCertificate(X509Certificate certificate) {
        delegate.removeRejectedCertificate(certificate);
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(CertificateUtil.thumbprint(certificate).bytesOrEmpty());
        } catch (UaException e) {
            // Only the log line loses its thumbprint; the rejection itself stands.
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
