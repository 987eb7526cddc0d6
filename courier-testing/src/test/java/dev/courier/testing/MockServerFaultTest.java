package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.CourierException;
import dev.courier.ProtocolException;
import dev.courier.ReadTimeoutException;
import dev.courier.Response;
import dev.courier.Session;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** MockServer's fault modes, seen through Courier's client: timeouts, cut bodies, retries, broken bytes. */
class MockServerFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private static Session session(Duration readTimeout) {
        return Session.builder().readTimeout(readTimeout).build();
    }

    @Test
    void aStalledResponseEndsInAReadTimeout() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofMillis(300))) {
            server.enqueue(MockResponse.builder().stall().build());
            long t0 = System.nanoTime();
            assertThrows(ReadTimeoutException.class, () -> s.get(server.url("/slow")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 250 && ms < 5000, "timed out after " + ms + " ms");
        }
    }

    @Test
    void aBodyStalledAfterTheHeadTimesOutWhileReading() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofMillis(300))) {
            // Head is about 40 bytes; stall in the middle of the 100-byte body.
            server.enqueue(MockResponse.builder().body("x".repeat(100)).stallAfterBytes(80).build());
            assertThrows(ReadTimeoutException.class, () -> s.get(server.url("/half")).bytes());
        }
    }

    @Test
    void aHeadDelayLongerThanTheReadTimeoutTimesOutAndAShortOneDoesNot() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofMillis(400))) {
            server.enqueue(MockResponse.builder().headDelay(Duration.ofSeconds(3)).body("late").build());
            assertThrows(ReadTimeoutException.class, () -> s.get(server.url("/late")));
            server.enqueue(MockResponse.builder().headDelay(Duration.ofMillis(50)).bodyDelay(Duration.ofMillis(50))
                    .body("on time").build());
            assertEquals("on time", s.get(server.url("/ok")).text());
        }
    }

    @Test
    void aDisconnectMidBodyFailsTheReadAndTheNextCallWorks() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofSeconds(5))) {
            server.enqueue(MockResponse.builder().body("y".repeat(1000)).disconnectAfterBytes(300).build());
            server.enqueue(MockResponse.text("fine"));
            CourierException e = assertThrows(CourierException.class, () -> s.get(server.url("/cut")).bytes());
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            assertEquals("fine", s.get(server.url("/after")).text());
        }
    }

    @Test
    void aChunkedBodyCutMidwayFails() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofSeconds(5))) {
            server.enqueue(MockResponse.builder().body("z".repeat(200)).chunked(50).disconnectAfterBytes(120).build());
            assertThrows(CourierException.class, () -> s.get(server.url("/cut")).bytes());
        }
    }

    @Test
    void anIdempotentGetIsRetriedOnANewConnectionWhenAReusedOneDropsBeforeAnswering() throws Exception {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofSeconds(5))) {
            server.enqueue(MockResponse.text("one"));
            server.enqueue(MockResponse.builder().disconnectAfterBytes(0).build());
            server.enqueue(MockResponse.text("two"));
            assertEquals("one", s.get(server.url("/1")).text());
            assertEquals("two", s.get(server.url("/2")).text());
            RecordedRequest first = server.takeRequest(WAIT);
            RecordedRequest dropped = server.takeRequest(WAIT);
            RecordedRequest retried = server.takeRequest(WAIT);
            assertEquals("/2", dropped.target());
            assertEquals("/2", retried.target());
            assertEquals(first.connectionIndex(), dropped.connectionIndex());
            assertNotEquals(dropped.connectionIndex(), retried.connectionIndex());
            assertEquals(2, server.connectionCount());
        }
    }

    @Test
    void aFreshConnectionThatDropsIsNotRetried() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofSeconds(5))) {
            server.enqueue(MockResponse.builder().disconnectAfterBytes(0).build());
            server.enqueue(MockResponse.text("never asked for"));
            assertThrows(CourierException.class, () -> s.get(server.url("/x")));
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void malformedResponsesAreProtocolErrors() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofSeconds(5))) {
            server.enqueue(MockResponse.raw("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"));
            server.enqueue(MockResponse.raw("NOT-HTTP garbage\r\n\r\n"));
            assertThrows(ProtocolException.class, () -> s.get(server.url("/dup")).bytes());
            assertThrows(ProtocolException.class, () -> s.get(server.url("/garbage")).bytes());
        }
    }

    @Test
    void closingTheServerEndsAStallPromptly() throws Exception {
        MockServer server = MockServer.start();
        server.enqueue(MockResponse.builder().stall().build());
        try (Session s = session(Duration.ofSeconds(20))) {
            // The closer waits until the request has reached the server: closing earlier would
            // refuse the connection, which also fails the call, without any stall to end.
            AtomicReference<RecordedRequest> stalled = new AtomicReference<>();
            Thread closer = new Thread(() -> {
                try {
                    stalled.set(server.takeRequest(Duration.ofSeconds(5)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server.close();
            });
            closer.start();
            long t0 = System.nanoTime();
            assertThrows(CourierException.class, () -> s.get(server.url("/stall")));
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
            closer.join(5000);
            assertTrue(stalled.get() != null && stalled.get().target().equals("/stall"),
                    "the request reached the server before it closed");
        }
    }

    @Test
    void responseBodiesOfDelayedResponsesStillArrive() {
        try (MockServer server = MockServer.start(); Session s = session(Duration.ofSeconds(5))) {
            server.enqueue(MockResponse.builder().bodyDelay(Duration.ofMillis(100)).body("late body").build());
            Response r = s.get(server.url("/d"));
            assertEquals("late body", r.text());
        }
    }
}
