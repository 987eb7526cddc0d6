package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files as openssl writes them; other key formats refused with a way out. */
class PemTlsTest {

    @TempDir
    Path dir;

    private Path[] openssl(String keyAlgorithm, String... keyOptions) throws Exception {
        Assumptions.assumeTrue(ExternalTool.works("openssl", "version"), "openssl is not installed; skipping PEM tests");
        Path cert = dir.resolve(keyAlgorithm + "-cert.pem");
        Path key = dir.resolve(keyAlgorithm + "-key.pem");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("openssl", "req", "-x509", "-newkey", keyAlgorithm));
        cmd.addAll(java.util.List.of(keyOptions));
        cmd.addAll(java.util.List.of("-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"));
        ExternalTool.Result r = ExternalTool.run(cmd.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.toString());
        return new Path[] {cert, key};
    }

    private static String get(HttpServer server, Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpsURLConnection c = (HttpsURLConnection) new URL(server.url() + "/").openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesHttpsWithAnEcKeyFromPemFiles() throws Exception {
        Path[] pem = openssl("ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
        try (HttpServer s = HttpServer.builder().tls(pem[0], pem[1]).handler(req -> Reply.text("pem " + req.isSecure())).start()) {
            assertEquals("pem true", get(s, pem[0]));
        }
    }

    @Test
    void servesHttpsWithAnRsaKeyFromPemFiles() throws Exception {
        Path[] pem = openssl("rsa:1024"); // small, to keep the test fast; the code path is the same for 2048
        try (HttpServer s = HttpServer.builder().tls(pem[0], pem[1]).handler(req -> Reply.text("rsa")).start()) {
            assertEquals("rsa", get(s, pem[0]));
        }
    }

    @Test
    void refusesATraditionalRsaKeyFileSayingHowToConvertIt() throws Exception {
        Path[] pem = openssl("ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
        Path old = dir.resolve("old.pem");
        Files.writeString(old, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> HttpServer.builder().tls(pem[0], old));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
        assertTrue(e.getMessage().contains("BEGIN RSA PRIVATE KEY"), e.getMessage());
    }
}
