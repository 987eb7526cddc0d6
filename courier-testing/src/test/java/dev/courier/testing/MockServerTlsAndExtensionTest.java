package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.CourierException;
import dev.courier.Session;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MockServerTlsAndExtensionTest {

    @Test
    void httpsWorksWithTheTrustPemAndFailsWithoutIt() throws Exception {
        try (MockServer server = MockServer.startHttps()) {
            assertTrue(server.url("/").startsWith("https://127.0.0.1:"));
            assertTrue(Files.readString(server.trustPem()).startsWith("-----BEGIN CERTIFICATE-----"));
            server.enqueue(MockResponse.text("secure"));
            server.enqueue(MockResponse.text("unused"));
            try (Session s = Session.builder().trustPem(server.trustPem()).build()) {
                assertEquals("secure", s.get(server.url("/s")).text());
            }
            try (Session s = Session.create()) {
                assertThrows(CourierException.class, () -> s.get(server.url("/s")));
            }
            assertEquals("/s", server.takeRequest(Duration.ofSeconds(1)).target());
        }
    }

    @Test
    void theClientSslContextAndTrustStoreWorkForOtherClients() throws Exception {
        try (MockServer server = MockServer.startHttps()) {
            server.enqueue(MockResponse.text("jdk"));
            server.enqueue(MockResponse.text("store"));
            HttpsURLConnection c = (HttpsURLConnection) new URL(server.url("/jdk")).openConnection();
            c.setSSLSocketFactory(server.clientSslContext().getSocketFactory());
            c.setHostnameVerifier((host, session) -> host.equals("127.0.0.1"));
            try (InputStream in = c.getInputStream()) {
                assertEquals("jdk", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            try (Session s = Session.builder().trustStore(server.trustStore()).build()) {
                assertEquals("store", s.get(server.url("/st")).text());
            }
        }
    }

    @Nested
    @MockServerTest
    class WithTheExtension {

        @Test
        void injectsAStartedServer(MockServer server) {
            server.enqueue(MockResponse.text("injected"));
            try (Session s = Session.create()) {
                assertEquals("injected", s.get(server.url("/")).text());
            }
        }

        @Test
        void givesEveryParameterOfOneTestTheSameServer(MockServer a, MockServer b) {
            assertSame(a, b);
            assertEquals(0, a.requestCount(), "each test starts with a fresh server");
        }

        @Test
        @MockServerTest(https = true)
        void aMethodCanAskForHttps(MockServer server) {
            assertTrue(server.isHttps());
        }
    }
}
