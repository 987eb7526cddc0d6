package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle keep-alive connections parked on a selector (the platform pool, forced here on any JDK
 * with {@code virtualThreads(false)}, and parking from the first connection on with
 * {@code directConnections(0)}): every request path must work on a parked, non-blocking
 * connection as on a blocking one.
 */
class IdleParkingTest {

    private static HttpServer.Builder parking() {
        return HttpServer.builder().virtualThreads(false).directConnections(0);
    }

    private static List<RawClient> open(HttpServer s, int count) throws Exception {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(new RawClient(s.port()));
        }
        return clients;
    }

    /** Waits (at most 5 s) for the first park: it happens just after the reply went out. */
    private static void awaitParked(HttpServer s) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (s.parks() == 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(s.parks() >= 1, "the connection was parked");
    }

    private static void closeAll(List<RawClient> clients) throws Exception {
        for (RawClient c : clients) {
            c.close();
        }
    }

    @Test
    void manyKeepAliveConnectionsAreServedRequestAfterRequestWhileParkedBetweenThem() throws Exception {
        try (HttpServer s = parking().handler(req -> Reply.text("ok " + req.path())).start()) {
            List<RawClient> clients = open(s, 12);
            try {
                for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < clients.size(); i++) {
                        clients.get(i).send("GET /c" + i + "/r" + round + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    }
                    for (int i = 0; i < clients.size(); i++) {
                        String r = clients.get(i).readResponse();
                        assertTrue(r.endsWith("ok /c" + i + "/r" + round), r);
                    }
                }
                assertTrue(s.parks() >= 12 * 19, "connections were parked between requests: " + s.parks());
            } finally {
                closeAll(clients);
            }
        }
    }

    @Test
    void pipelinedRequestsOnAParkedConnectionAreAnsweredInOrder() throws Exception {
        try (HttpServer s = parking().handler(req -> Reply.text("ok " + req.path())).start();
                RawClient c = new RawClient(s.port())) {
            assertTrue(c.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok /first"));
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            // Both answers may come in one read: read until the second, then check the order.
            String both = c.readUntil("ok /b", 1);
            int a = both.indexOf("ok /a");
            assertTrue(a > 0 && a < both.indexOf("ok /b"), both);
            assertEquals(2, both.split("HTTP/1.1 200 OK", -1).length - 1, both);
        }
    }

    @Test
    void aBodyThatArrivesInPiecesIsReadOnAParkedConnection() throws Exception {
        try (HttpServer s = parking().handler(req -> Reply.text("got " + req.bodyText())).start();
                RawClient c = new RawClient(s.port())) {
            assertTrue(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("got "));
            awaitParked(s);
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
            Thread.sleep(200); // the handler's read waits for the rest on the non-blocking channel
            c.send("world");
            assertTrue(c.readResponse().endsWith("got helloworld"));
        }
    }

    @Test
    void aSlowHeaderOnAParkedConnectionGets408() throws Exception {
        ServerLimits limits = ServerLimits.builder().headerTimeout(Duration.ofMillis(300)).build();
        try (HttpServer s = parking().limits(limits).handler(req -> Reply.text("ok")).start();
                RawClient c = new RawClient(s.port())) {
            assertTrue(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok"));
            long t0 = System.nanoTime();
            c.send("GET / HTTP/1.1\r\nHost: x\r\n");
            String r = c.readToClose();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(r.startsWith("HTTP/1.1 408"), r);
            assertTrue(ms >= 250 && ms < 3000, "408 after " + ms + " ms");
        }
    }

    @Test
    void aParkedConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        ServerLimits limits = ServerLimits.builder().idleTimeout(Duration.ofMillis(300)).build();
        try (HttpServer s = parking().limits(limits).handler(req -> Reply.text("ok")).start()) {
            List<RawClient> clients = open(s, 6);
            try {
                for (RawClient c : clients) {
                    assertTrue(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok"));
                }
                long t0 = System.nanoTime();
                for (RawClient c : clients) {
                    assertTrue(c.serverClosed(), "the server closed the idle parked connection");
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 3000, "closed after " + ms + " ms");
                long end = System.nanoTime() + 5_000_000_000L;
                while (s.openConnections() > 0 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertEquals(0, s.openConnections());
            } finally {
                closeAll(clients);
            }
        }
    }

    @Test
    void aHandlerThatBlocksDoesNotHoldUpTheOtherParkedConnections() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        try (HttpServer s = parking().handler(req -> {
            if (req.path().equals("/block")) {
                blocked.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return Reply.text("ok " + req.path());
        }).start()) {
            List<RawClient> clients = open(s, 6);
            try {
                for (RawClient c : clients) {
                    assertTrue(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok /"));
                }
                clients.get(0).send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(blocked.await(5, TimeUnit.SECONDS), "the blocking request reached its handler");
                long t0 = System.nanoTime();
                for (int i = 1; i < clients.size(); i++) {
                    assertTrue(clients.get(i).send("GET /n" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse()
                            .endsWith("ok /n" + i));
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 3000, "the others were answered after " + ms + " ms");
                release.countDown();
                assertTrue(clients.get(0).readResponse().endsWith("ok /block"));
            } finally {
                release.countDown();
                closeAll(clients);
            }
        }
    }

    @Test
    void aLargeFileGoesOutWholeToASlowReaderOnAParkedConnection(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 13 + (i >> 10));
        }
        Files.write(dir.resolve("big.bin"), content);
        try (HttpServer s = parking().staticFiles("/", dir).start();
                RawClient c = new RawClient(s.port())) {
            c.socket.setReceiveBufferSize(16 * 1024);
            c.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            awaitParked(s);
            c.send("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = c.socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            byte[] got = new byte[content.length];
            int off = 0;
            // Bounded by the content length; slow at first so the server's writes must wait.
            while (off < got.length) {
                int n = in.read(got, off, Math.min(8192, got.length - off));
                assertTrue(n > 0, "the body ended early at " + off);
                off += n;
                if (off < 256 * 1024) {
                    Thread.sleep(2);
                }
            }
            assertArrayEquals(content, got);
            assertTrue(c.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().startsWith("HTTP/1.1 404"),
                    "the connection is still good");
        }
    }

    @Test
    void aPoolOfOneThreadServesSeveralParkedConnectionsInTurn() throws Exception {
        try (HttpServer s = parking().limits(ServerLimits.builder().maxPlatformThreads(1).build())
                .handler(req -> Reply.text("ok " + req.path())).start()) {
            List<RawClient> clients = open(s, 3);
            try {
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < clients.size(); i++) {
                        String r = clients.get(i).send("GET /c" + i + "/r" + round + " HTTP/1.1\r\nHost: x\r\n\r\n")
                                .readResponse();
                        assertTrue(r.endsWith("ok /c" + i + "/r" + round), r);
                    }
                }
            } finally {
                closeAll(clients);
            }
        }
    }

    @Test
    void stopClosesParkedConnectionsAtOnce() throws Exception {
        HttpServer s = parking().handler(req -> Reply.text("ok")).start();
        List<RawClient> clients = open(s, 6);
        try {
            for (RawClient c : clients) {
                assertTrue(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().endsWith("ok"));
            }
            long t0 = System.nanoTime();
            s.stop(Duration.ofSeconds(5));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2000, "stop took " + ms + " ms with only idle connections");
            assertEquals(0, s.openConnections());
            for (RawClient c : clients) {
                assertTrue(c.serverClosed(), "a parked connection was closed by stop");
            }
        } finally {
            closeAll(clients);
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        // Bounded: a head is a few hundred bytes; the socket has a read timeout.
        while (!sb.toString().endsWith("\r\n\r\n") && sb.length() < 65536) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }
}
