package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against an SSLServerSocket with certificates from a CA made at test time. */
class TlsTest {

    @TempDir
    static Path dir;
    static TestPki pki;
    static KeyStore server;
    static KeyStore otherHost;
    static KeyStore expired;
    static KeyStore client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(dir);
        server = pki.issue("localhost", "DNS:localhost,IP:127.0.0.1", 2, "serverAuth");
        otherHost = pki.issue("other", "DNS:other.example", 2, "serverAuth");
        expired = pki.issue("expired", "DNS:localhost,IP:127.0.0.1", -1, "serverAuth");
        client = pki.issue("client", "DNS:client.example", 2, "clientAuth");
    }

    private static FakeServer tlsServer(KeyStore keys, boolean needClientAuth) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, TestPki.PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(pki.trustStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ss.setNeedClientAuth(needClientAuth);
        return new FakeServer(ss, c -> {
            while (c.readRequest(null) != null) {
                c.ok("secure");
            }
        });
    }

    /** A loopback TLS listener with the server key and no client authentication. */
    private static SSLServerSocket plainTlsListener() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(server, TestPki.PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @Test
    void aTlsServerThatStopsReadingGivesWriteTimeout() throws Exception {
        SSLServerSocket ss = plainTlsListener();
        try (FakeServer s = new FakeServer(ss, c -> {
            c.readHead();
            Thread.sleep(5000);
        }); Session session = Session.builder().trustPem(pki.caPem).writeTimeout(java.time.Duration.ofMillis(300)).build()) {
            byte[] big = new byte[64 << 20];
            long t0 = System.nanoTime();
            WriteTimeoutException e = assertThrows(WriteTimeoutException.class,
                    () -> session.post(s.url("https", "localhost", "/upload"), Body.bytes(big)));
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;
            // The time includes the handshake, about 0.8 s when it is the JVM's first (seen here
            // unloaded): the margin absorbs a slow one on a loaded machine, as in the read test.
            // Still well before the server's 5 s silence ends.
            assertTrue(tookMillis < 3500, "timed out after " + tookMillis + " ms, not promptly");
            assertTrue(e.getMessage().contains("write timeout of 300 ms"), e.getMessage());
        }
    }

    @Test
    void trustedCaFromPemIsAccepted() throws Exception {
        try (FakeServer s = tlsServer(server, false);
                Session session = Session.builder().trustPem(pki.caPem).build()) {
            assertEquals("secure", session.get(s.url("https", "localhost", "/")).text());
            assertEquals("secure", session.get(s.url("https", "127.0.0.1", "/")).text());
        }
    }

    @Test
    void unknownCaIsRefusedWithAClearMessage() throws Exception {
        try (FakeServer s = tlsServer(server, false); Session session = Session.create()) {
            TlsException e = assertThrows(TlsException.class, () -> session.get(s.url("https", "localhost", "/")));
            assertTrue(e.getMessage().contains("unknown CA"), e.getMessage());
        }
    }

    @Test
    void hostNameMismatchIsRefusedWithAClearMessage() throws Exception {
        try (FakeServer s = tlsServer(otherHost, false);
                Session session = Session.builder().trustStore(pki.trustStore()).build()) {
            TlsException e = assertThrows(TlsException.class, () -> session.get(s.url("https", "localhost", "/")));
            assertTrue(e.getMessage().contains("hostname mismatch"), e.getMessage());
        }
    }

    @Test
    void expiredCertificateIsRefusedWithAClearMessage() throws Exception {
        try (FakeServer s = tlsServer(expired, false);
                Session session = Session.builder().trustStore(pki.trustStore()).build()) {
            TlsException e = assertThrows(TlsException.class, () -> session.get(s.url("https", "localhost", "/")));
            assertTrue(e.getMessage().contains("expired"), e.getMessage());
        }
    }

    @Test
    void insecureModeSkipsVerification() throws Exception {
        try (FakeServer s = tlsServer(otherHost, false);
                Session session = Session.builder().insecureSkipTlsVerificationDangerously().build()) {
            assertEquals("secure", session.get(s.url("https", "localhost", "/")).text());
        }
    }

    @Test
    void clientCertificateIsPresentedWhenTheServerRequiresOne() throws Exception {
        try (FakeServer s = tlsServer(server, true)) {
            try (Session without = Session.builder().trustPem(pki.caPem).build()) {
                ConnectionFailedException e = assertThrows(ConnectionFailedException.class,
                        () -> without.get(s.url("https", "localhost", "/")));
                assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("certificate"), e.getMessage());
            }
            try (Session with = Session.builder().trustPem(pki.caPem).clientCertificate(client, TestPki.PASSWORD).build()) {
                assertEquals("secure", with.get(s.url("https", "localhost", "/")).text());
                assertEquals("secure", with.get(s.url("https", "localhost", "/")).text());
                assertEquals(1, with.idleConnections());
            }
        }
    }

    @Test
    void readTimeoutHoldsOverTls() throws Exception {
        SSLServerSocket ss = plainTlsListener();
        try (FakeServer s = new FakeServer(ss, c -> {
            c.readRequest(null);
            Thread.sleep(4000);
        }); Session session = Session.builder().trustPem(pki.caPem).readTimeout(java.time.Duration.ofMillis(200)).build()) {
            long t0 = System.nanoTime();
            assertThrows(ReadTimeoutException.class, () -> session.get(s.url("https", "localhost", "/")));
            // Well before the server's 4 s silence ends; the margin absorbs a slow handshake on a loaded machine.
            assertTrue(System.nanoTime() - t0 < 3_500_000_000L);
        }
    }
}
