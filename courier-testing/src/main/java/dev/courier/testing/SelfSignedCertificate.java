package dev.courier.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made once per JVM with
 * the JDK's own {@code keytool} (the JDK has no public API to sign a certificate), kept in a
 * temporary PKCS#12 key store with its certificate also written as PEM for clients.
 */
final class SelfSignedCertificate {

    /** keytool usually finishes in about a second; a minute covers a loaded CI machine. */
    static final long DEFAULT_KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final char[] PASSWORD = "courier-mock".toCharArray();
    private static SelfSignedCertificate shared;

    final KeyStore keyStore;
    final Path pem;

    private SelfSignedCertificate(KeyStore keyStore, Path pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /** Returns the JVM's certificate, creating it on first use. */
    static synchronized SelfSignedCertificate get() throws IOException {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static SelfSignedCertificate create() throws IOException {
        Path dir = Files.createTempDirectory("courier-mock-tls");
        Path p12 = dir.resolve("mock.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessBuilder pb = new ProcessBuilder(keytool, "-genkeypair", "-alias", "mock",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true);
        Process proc = pb.start();
        String output;
        try (InputStream out = proc.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!proc.waitFor(DEFAULT_KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                proc.destroyForcibly();
                throw new IOException("keytool could not make the mock server's certificate: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the certificate", e);
        }
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            Certificate cert = ks.getCertificate("mock");
            String pemText = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Path pem = dir.resolve("mock-ca.pem");
            Files.writeString(pem, pemText, StandardCharsets.US_ASCII);
            dir.toFile().deleteOnExit();
            p12.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            return new SelfSignedCertificate(ks, pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store keytool wrote: " + e.getMessage(), e);
        }
    }

    /** Returns a server-side context presenting this certificate. */
    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** Returns a client-side context that trusts only this certificate. */
    SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("mock", keyStore.getCertificate("mock"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Returns a key store holding only the certificate, as a trust store. */
    KeyStore trustStore() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("mock", keyStore.getCertificate("mock"));
        return trust;
    }
}
