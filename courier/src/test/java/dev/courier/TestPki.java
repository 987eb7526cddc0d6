package dev.courier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA made at test time with the openssl command (fast: no JVM start per step), and
 * leaf certificates it signs, loaded into in-memory KeyStores with java.security.
 */
final class TestPki {

    static final char[] PASSWORD = "changeit".toCharArray();

    final Path dir;
    final Path caPem;

    private TestPki(Path dir) {
        this.dir = dir;
        this.caPem = dir.resolve("ca.pem");
    }

    /** Creates the CA in {@code dir}; skips the test when openssl is missing. */
    static TestPki create(Path dir) throws IOException, InterruptedException {
        assumeTrue(run(dir, "openssl", "version"), "openssl is not installed: TLS tests need it to make a test CA");
        TestPki pki = new TestPki(dir);
        check(run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Courier Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        return pki;
    }

    /**
     * Returns a KeyStore with a key and a certificate for {@code names} (e.g.
     * {@code "DNS:localhost,IP:127.0.0.1"}) signed by the CA, valid for {@code days} (negative: expired).
     */
    KeyStore issue(String name, String sans, int days, String usage) throws Exception {
        Files.writeString(dir.resolve(name + ".cnf"), "subjectAltName=" + sans + "\nextendedKeyUsage=" + usage + "\n");
        check(run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name));
        check(run(dir, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".pem", "-days", Integer.toString(days), "-extfile", name + ".cnf"));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pemBody(dir.resolve(name + ".key"))));
        List<Certificate> chain = new ArrayList<>(certs(dir.resolve(name + ".pem")));
        chain.addAll(certs(caPem));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(name, key, PASSWORD, chain.toArray(new Certificate[0]));
        return ks;
    }

    /** Returns a KeyStore trusting only the CA. */
    KeyStore trustStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", certs(caPem).get(0));
        return ks;
    }

    private static List<Certificate> certs(Path pem) throws Exception {
        return new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem))));
    }

    private static byte[] pemBody(Path pem) throws IOException {
        StringBuilder b64 = new StringBuilder();
        for (String line : Files.readAllLines(pem, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("-----")) {
                b64.append(line.trim());
            }
        }
        return Base64.getDecoder().decode(b64.toString());
    }

    private static boolean run(Path dir, String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("an openssl step failed while making the test CA");
        }
    }
}
