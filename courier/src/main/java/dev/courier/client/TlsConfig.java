package dev.courier.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS settings of a session turned into an {@link SSLSocketFactory}: the JDK's default trust
 * store unless a PEM file or KeyStore is given, an optional client certificate, and verification
 * that can only be switched off by a method whose name says what it costs.
 */
public final class TlsConfig {

    private final SSLSocketFactory factory;
    private final boolean verifyHostnames;

    private TlsConfig(SSLSocketFactory factory, boolean verifyHostnames) {
        this.factory = factory;
        this.verifyHostnames = verifyHostnames;
    }

    /** Returns the JDK defaults: system trust store, host names verified. */
    public static TlsConfig defaults() {
        return new TlsConfig((SSLSocketFactory) SSLSocketFactory.getDefault(), true);
    }

    /**
     * Returns a configuration trusting {@code trust} (null for the JDK's trust store), presenting
     * {@code clientKeys} (null for none) with {@code keyPassword}, or trusting everyone when
     * {@code insecure}.
     */
    public static TlsConfig of(KeyStore trust, KeyStore clientKeys, char[] keyPassword, boolean insecure) {
        if (trust == null && clientKeys == null && !insecure) {
            return defaults();
        }
        try {
            TrustManager[] tms;
            if (insecure) {
                tms = new TrustManager[] {new TrustEveryone()};
            } else {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                tms = tmf.getTrustManagers();
            }
            KeyManager[] kms = null;
            if (clientKeys != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(clientKeys, keyPassword);
                kms = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, tms, null);
            return new TlsConfig(ctx.getSocketFactory(), !insecure);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /** Returns a KeyStore holding every certificate of the PEM file {@code pem}, as trust anchors. */
    public static KeyStore trustStoreFromPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(pem + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("pem-" + i++, c);
            }
            return ks;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the trust file " + pem + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot parse the trust file " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Returns the factory of TLS sockets. */
    SSLSocketFactory factory() {
        return factory;
    }

    /** Returns true unless verification was switched off. */
    boolean verifyHostnames() {
        return verifyHostnames;
    }

    /** The trust manager of insecureSkipVerify: accepts every chain. */
    private static final class TrustEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Client side only: never asked.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Deliberately empty: the user chose to skip verification by a loudly named method.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
