package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verify yes|no|PEM} against a loopback HTTPS server with a fresh self-signed certificate. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void verifyRefusesAnUnknownCertificateAndAcceptsItsPemOrNo() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl made a certificate");
        try (HttpServer server = HttpServer.builder().host("127.0.0.1").port(0).tls(cert, key)
                .get("/", req -> Reply.text("secure")).start()) {
            String url = "https://127.0.0.1:" + server.port() + "/";
            Cli.Result refused = Cli.run("-I", url);
            assertEquals(1, refused.status());
            assertTrue(refused.err().startsWith("courier: error: cannot connect: "), refused.err());
            Cli.Result trusted = Cli.run("-I", "--verify", cert.toString(), url);
            assertEquals("secure", trusted.text(), trusted.err());
            Cli.Result unchecked = Cli.run("-I", "--verify", "no", url);
            assertEquals("secure", unchecked.text(), unchecked.err());
        }
    }
}
