package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension closes each test's server once the test is over. */
@MockServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockServerExtensionLifecycleTest {

    private static MockServer fromFirstTest;

    @Test
    @Order(1)
    void firstTestKeepsItsServer(MockServer server) throws IOException {
        fromFirstTest = server;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
            assertTrue(s.isConnected());
        }
    }

    @Test
    @Order(2)
    void theServerOfTheFirstTestIsClosedBeforeTheSecondRuns(MockServer server) {
        assertNotNull(fromFirstTest, "the first test should have run first");
        assertNotEquals(fromFirstTest.port(), server.port());
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", fromFirstTest.port()), 1000);
            }
        });
    }
}
