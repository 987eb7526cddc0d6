package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed key made by the JDK's keytool; file bodies take the buffered path. */
class TlsServerTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static HttpServer server;
    private static SSLContext clientContext;
    private static byte[] big;
    private static KeyStore store;

    @BeforeAll
    static void start() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool + "; skipping TLS tests");
        Path ks = dir.resolve("server.p12");
        ExternalTool.Result r = ExternalTool.run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        assertEquals(0, r.exitCode(), r.toString());
        store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        Path root = Files.createDirectories(dir.resolve("www"));
        big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i ^ (i >> 8));
        }
        Files.write(root.resolve("big.bin"), big);
        server = HttpServer.builder()
                .tls(store, PASSWORD)
                .handler(new Router()
                        .get("/who", req -> Reply.text("secure=" + req.isSecure() + " certs=" + req.peerCertificates().size()))
                        .staticFiles("/files", StaticFiles.of(root)))
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] get(String path) throws Exception {
        HttpsURLConnection c = (HttpsURLConnection) new URL(server.url() + path).openConnection();
        c.setSSLSocketFactory(clientContext.getSocketFactory());
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        assertEquals(200, c.getResponseCode());
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void servesHttpsAndTellsTheHandler() throws Exception {
        assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
        assertEquals("secure=true certs=0", new String(get("/who"), StandardCharsets.UTF_8));
    }

    @Test
    void sendsAFileBodyIntactOverTls() throws Exception {
        assertArrayEquals(big, get("/files/big.bin"));
    }

    @Test
    void closesAPlainHttpClientOnTheTlsPortWithoutServingIt() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /who HTTP/1.1\r\nHost: x\r\n\r\n").readToClose();
            assertTrue(!r.contains("secure="), "nothing served in plain text: " + r);
        }
        assertEquals("secure=true certs=0", new String(get("/who"), StandardCharsets.UTF_8), "the server still works");
    }

    @Test
    void servesCurlOverTls() throws Exception {
        Assumptions.assumeTrue(ExternalTool.works("curl", "--version"), "curl is not installed");
        ExternalTool.Result r = ExternalTool.run("curl", "-sS", "-k", "--max-time", "10", server.url() + "/who", server.url() + "/who");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("secure=true certs=0secure=true certs=0", r.stdout());
    }
    @Test
    void aTlsClientThatStopsReadingIsDroppedAfterTheIoTimeout() throws Exception {
        Path root = Files.createDirectories(dir.resolve("stuck"));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            f.setLength(64L << 20); // sparse; far more than the socket buffers hold
        }
        ServerLimits limits = ServerLimits.builder().ioTimeout(java.time.Duration.ofMillis(300)).build();
        try (HttpServer stuck = HttpServer.builder().tls(store, PASSWORD).limits(limits).staticFiles("/", root).start();
                javax.net.ssl.SSLSocket client = (javax.net.ssl.SSLSocket) clientContext.getSocketFactory().createSocket()) {
            client.setReceiveBufferSize(4096);
            client.connect(new java.net.InetSocketAddress("127.0.0.1", stuck.port()), 5000);
            client.startHandshake();
            client.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            // Never read: the server's writes block once the buffers are full.
            long waitedMillis = TestServers.awaitOneConnectionDropped(stuck);
            assertTrue(waitedMillis >= 300, "dropped after " + waitedMillis + " ms, before the 300 ms I/O timeout");
        }
    }
}
