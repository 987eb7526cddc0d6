package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.courier.wire.RequestHead;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP proxies: against tinyproxy, a real forwarding proxy, started by the test (skipped with a
 * message when it is not installed), and against scripted fake proxies for the exact bytes and
 * the broken answers tinyproxy never gives.
 */
class ProxyTest {

    @TempDir
    static Path dir;
    static TestPki pki;
    static KeyStore serverKeys;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(dir);
        serverKeys = pki.issue("localhost", "DNS:localhost,IP:127.0.0.1", 2, "serverAuth");
    }

    /** An origin that answers each request with what it saw: the target, Via and Proxy-Authorization. */
    private static FakeServer origin(List<String> seen) throws IOException {
        return new FakeServer(c -> answerWhatWasSeen(c, seen));
    }

    private static FakeServer tlsOrigin(List<String> seen) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, TestPki.PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new FakeServer(ss, c -> answerWhatWasSeen(c, seen));
    }

    private static void answerWhatWasSeen(FakeServer.Conn c, List<String> seen) throws IOException {
        RequestHead h;
        while ((h = c.readRequest(null)) != null) {
            String line = h.target() + " via=" + h.headers().get("Via") + " proxy-auth="
                    + h.headers().get("Proxy-Authorization") + " conn=" + c.index;
            seen.add(line);
            c.ok(line);
        }
    }

    @Test
    void plainHttpGoesThroughTinyproxyAndReusesTheConnection() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Tinyproxy proxy = Tinyproxy.start(dir, null); FakeServer server = origin(seen);
                Session s = Session.builder().proxy(proxy.url()).build()) {
            Response first = s.get(server.url("/a?x=1"));
            Response second = s.get(server.url("/b"));
            assertEquals(200, first.statusCode());
            assertTrue(first.text().startsWith("/a?x=1 via=") && first.text().contains("tinyproxy"),
                    "the origin saw the request come through tinyproxy: " + first.text());
            assertTrue(second.text().startsWith("/b "), second.text());
            assertEquals(1, s.idleConnections(), "one pooled connection to the proxy");
        }
    }

    @Test
    void httpsGoesThroughATunnelWithTlsEndToEnd() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Tinyproxy proxy = Tinyproxy.start(dir, null); FakeServer server = tlsOrigin(seen)) {
            try (Session s = Session.builder().proxy(proxy.url()).trustPem(pki.caPem).build()) {
                Response r = s.get(server.url("https", "localhost", "/secret"));
                assertEquals(200, r.statusCode());
                // The proxy only relayed bytes: it could not add its Via header inside TLS.
                assertEquals("/secret via=null proxy-auth=null conn=1", r.text());
                assertEquals("/again via=null proxy-auth=null conn=1", s.get(server.url("https", "localhost", "/again")).text());
            }
            // The certificate is still checked against our trust, through the tunnel.
            try (Session untrusting = Session.builder().proxy(proxy.url()).build()) {
                TlsException e = assertThrows(TlsException.class,
                        () -> untrusting.get(server.url("https", "localhost", "/secret")));
                assertTrue(e.getMessage().contains("unknown CA"), e.getMessage());
            }
        }
    }

    @Test
    void proxyCredentialsComeFromTheProxyUrl() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Tinyproxy proxy = Tinyproxy.start(dir, "ada s3cret"); FakeServer server = origin(seen);
                FakeServer tls = tlsOrigin(seen)) {
            try (Session anonymous = Session.builder().proxy(proxy.url()).trustPem(pki.caPem).build()) {
                assertEquals(407, anonymous.get(server.url("/x")).statusCode(), "plain http: the proxy's answer is the response");
                ConnectionFailedException e = assertThrows(ConnectionFailedException.class,
                        () -> anonymous.get(tls.url("https", "localhost", "/x")));
                assertTrue(e.getMessage().contains("refused CONNECT localhost:" + tls.port() + ": 407")
                        && e.getMessage().contains("http://user:password@host:port"), e.getMessage());
            }
            String withCredentials = "http://ada:s3cret@127.0.0.1:" + proxy.port;
            try (Session s = Session.builder().proxy(withCredentials).trustPem(pki.caPem).build()) {
                assertEquals(200, s.get(server.url("/x")).statusCode());
                assertEquals(200, s.get(tls.url("https", "localhost", "/y")).statusCode());
            }
            assertTrue(seen.stream().allMatch(line -> line.contains("proxy-auth=null")),
                    "the proxy's credentials never reach the origin: " + seen);
            String wrong = "http://ada:wrong@127.0.0.1:" + proxy.port;
            try (Session s = Session.builder().proxy(wrong).trustPem(pki.caPem).build()) {
                ConnectionFailedException e = assertThrows(ConnectionFailedException.class,
                        () -> s.get(tls.url("https", "localhost", "/x")));
                assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
            }
        }
    }

    @Test
    void hostsInNoProxyAreReachedDirectly() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Tinyproxy proxy = Tinyproxy.start(dir, null); FakeServer server = origin(seen);
                Session s = Session.builder().proxy(proxy.url()).noProxy("localhost").build()) {
            assertTrue(s.get(server.url("http", "localhost", "/direct")).text().contains("via=null"));
            assertTrue(s.get(server.url("/proxied")).text().contains("tinyproxy"), "127.0.0.1 is not in the list");
        }
    }

    @Test
    void theExactRequestToAProxyIsAbsoluteFormWithHostAndCredentials() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FakeServer proxy = new FakeServer(c -> {
            RequestHead h;
            while ((h = c.readRequest(null)) != null) {
                lines.add(h.method() + " " + h.target() + " host=" + h.headers().get("Host") + " auth="
                        + h.headers().get("Proxy-Authorization"));
                c.ok("from the proxy");
            }
        }); Session s = Session.builder().proxy("ada:s%40cret@127.0.0.1:" + proxy.port()).build()) {
            assertEquals("from the proxy", s.get("http://example.test:8080/p/q?r=1").text());
            s.post("http://example.test/form", Body.form(java.util.Map.of("a", "b")));
            assertEquals(List.of(
                    "GET http://example.test:8080/p/q?r=1 host=example.test:8080 auth=" + Auth.basic("ada", "s@cret").headerValue(),
                    "POST http://example.test/form host=example.test auth=" + Auth.basic("ada", "s@cret").headerValue()), lines);
        }
    }

    @Test
    void aProxyThatMisbehavesOnConnectGivesAClearError() throws Exception {
        try (FakeServer closes = new FakeServer(c -> c.readHead());
                Session s = Session.builder().proxy("http://127.0.0.1:" + closes.port()).build()) {
            ConnectionFailedException e = assertThrows(ConnectionFailedException.class,
                    () -> s.get("https://example.test/"));
            assertTrue(e.getMessage().contains("closed the connection before answering CONNECT example.test:443"),
                    e.getMessage());
        }
        try (FakeServer chatty = new FakeServer(c -> {
            c.readHead();
            c.send("HTTP/1.1 200 Connection established\r\n\r\nsurprise");
            Thread.sleep(2000);
        }); Session s = Session.builder().proxy("http://127.0.0.1:" + chatty.port()).build()) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> s.get("https://example.test/"));
            assertTrue(e.getMessage().contains("sent 8 bytes after its answer to CONNECT example.test:443"), e.getMessage());
        }
        try (Session s = Session.builder().proxy("http://127.0.0.1:" + closedPort()).build()) {
            ConnectionFailedException e = assertThrows(ConnectionFailedException.class, () -> s.get("http://example.test/"));
            assertTrue(e.getMessage().startsWith("cannot connect to the proxy http://127.0.0.1:"), e.getMessage());
        }
    }

    @Test
    void onlyHttpProxyUrlsAreAccepted() {
        IllegalArgumentException tls = assertThrows(IllegalArgumentException.class,
                () -> Session.builder().proxy("https://proxy.test:3128"));
        assertTrue(tls.getMessage().contains("give an http:// proxy"), tls.getMessage());
        IllegalArgumentException socks = assertThrows(IllegalArgumentException.class,
                () -> Session.builder().proxy("socks5://proxy.test:1080"));
        assertTrue(socks.getMessage().contains("SOCKS"), socks.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Session.builder().proxy("http://:3128"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** tinyproxy on a loopback port, from a config file of our own; skips the test when it is not installed. */
    static final class Tinyproxy implements AutoCloseable {
        private final Process process;
        final int port;

        private Tinyproxy(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        /** Starts tinyproxy; {@code basicAuth} is "user password" or null for none. */
        static Tinyproxy start(Path dir, String basicAuth) throws Exception {
            assumeTrue(installed(), "tinyproxy is not installed: proxy interop test against a real proxy skipped");
            int port = closedPort();
            Path conf = Files.createTempFile(dir, "tinyproxy", ".conf");
            Files.writeString(conf, "Port " + port + "\nListen 127.0.0.1\nTimeout 30\nMaxClients 20\n"
                    + "Allow 127.0.0.1\nLogLevel Error\n" + (basicAuth != null ? "BasicAuth " + basicAuth + "\n" : ""),
                    StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder("tinyproxy", "-d", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                try {
                    new Socket(InetAddress.getLoopbackAddress(), port).close();
                    return new Tinyproxy(p, port);
                } catch (IOException notYet) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("tinyproxy exited with " + p.exitValue());
                    }
                    Thread.sleep(20);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("tinyproxy did not listen on port " + port + " within 10 s");
        }

        private static boolean installed() {
            try {
                Process p = new ProcessBuilder("tinyproxy", "-v").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
            PeerProcess.awaitExit(process);
        }
    }
}
