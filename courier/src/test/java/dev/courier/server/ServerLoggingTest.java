package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the server logs through System.Logger (java.util.logging by default): the stack of a
 * failed handler, the HTTP/2 preface, the access line; and what it runs connections on.
 */
class ServerLoggingTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger server = Logger.getLogger("dev.courier.server");
    private final Logger access = Logger.getLogger("dev.courier.server.access");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level serverLevel;
    private Level accessLevel;

    @BeforeEach
    void capture() {
        serverLevel = server.getLevel();
        accessLevel = access.getLevel();
        server.setLevel(Level.INFO);
        access.setLevel(Level.INFO);
        server.addHandler(capture);
    }

    @AfterEach
    void release() {
        server.removeHandler(capture);
        server.setLevel(serverLevel);
        access.setLevel(accessLevel);
    }

    /**
     * Waits (at most 5 s) for a record containing {@code part}: the server logs after it has
     * written the response (the access line), so the client can see the reply before the line exists.
     */
    private LogRecord find(String part) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            for (LogRecord r : records) {
                if (r.getMessage() != null && r.getMessage().contains(part)) {
                    return r;
                }
            }
            Thread.sleep(10);
        }
        return null;
    }

    @Test
    void logsTheStackOfAFailingPlainHandlerAndSendsABare500() throws Exception {
        try (HttpServer s = TestServers.start(req -> {
            throw new IllegalStateException("database password is hunter2");
        }); RawClient c = new RawClient(s.port())) {
            String r = c.send("GET /x HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(r.startsWith("HTTP/1.1 500") && r.endsWith("500 Internal Server Error"), r);
            assertFalse(r.contains("hunter2"), r);
            LogRecord logged = find("handler failed");
            assertNotNull(logged, "logged: " + records);
            assertEquals(Level.SEVERE, logged.getLevel());
            assertTrue(logged.getThrown() instanceof IllegalStateException, "with the exception and its stack");
        }
    }

    @Test
    void answersTheHttp2PrefaceWith505AndLogsWhy() throws Exception {
        try (HttpServer s = TestServers.start(req -> Reply.text("x")); RawClient c = new RawClient(s.port())) {
            String r = c.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").readToClose();
            assertTrue(r.startsWith("HTTP/1.1 505"), r);
            LogRecord logged = find("HTTP/2 connection preface");
            assertNotNull(logged, "logged: " + records);
            assertTrue(logged.getMessage().contains("HTTP/1.1 only"), logged.getMessage());
        }
    }

    @Test
    void writesAnAccessLineInCommonLogFormat() throws Exception {
        try (HttpServer s = TestServers.start(req -> Reply.text("four")); RawClient c = new RawClient(s.port())) {
            c.send("GET /page?q=1 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            LogRecord line = find("\"GET /page?q=1 HTTP/1.1\" 200 4");
            assertNotNull(line, "access line: " + records);
            assertTrue(line.getMessage().startsWith("127.0.0.1 - - ["), line.getMessage());
        }
    }

    @Test
    void runsConnectionsOnVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
        boolean expected = Runtime.version().feature() >= 21;
        assertEquals(expected, ConnectionThreads.virtualAvailable());
        // Beside virtual threads, the first connections at a time run on platform threads
        // (FirstConnectionsTest): the one after them shows which kind the rest get.
        int platformFirst = ConnectionThreads.platformConnectionsBesideVirtual();
        String[] seen = new String[1];
        java.util.List<RawClient> open = new java.util.ArrayList<>();
        try (HttpServer s = TestServers.start(req -> {
            seen[0] = Thread.currentThread().toString();
            return Reply.text("ok");
        })) {
            for (int i = 0; i <= platformFirst; i++) {
                RawClient c = new RawClient(s.port());
                open.add(c);
                c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            }
        } finally {
            for (RawClient c : open) {
                c.close();
            }
        }
        assertEquals(expected, seen[0].startsWith("VirtualThread"), seen[0]);
    }

    @Test
    void servesOnThePlatformPoolWhenAsked() throws Exception {
        try (HttpServer s = HttpServer.builder().virtualThreads(false).handler(req -> Reply.text(Thread.currentThread().getName()))
                .start(); RawClient c = new RawClient(s.port())) {
            String r = c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            String body = r.substring(r.indexOf("\r\n\r\n") + 4);
            assertTrue(body.startsWith("courier-http-"), r);
        }
    }
}
