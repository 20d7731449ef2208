package org.nutrisearch.opensearch;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** The TLS context a connection verifies cluster nodes with: the JVM's CAs, or those of a PEM file. */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * A context trusting exactly the certificates of {@code pemFile} (one or more PEM blocks), or the
     * JVM's default CAs when it is null.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    static SSLContext sslContext(Path pemFile) {
        try {
            if (pemFile == null) {
                return SSLContext.getDefault();
            }
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(pemFile)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the CA certificate file " + pemFile + ": "
                        + OpenSearchConnection.describe(e), e);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pemFile + " (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("no certificate could be read from " + pemFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
