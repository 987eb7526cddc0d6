package dev.courier.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts servers for tests on an ephemeral loopback port. */
final class TestServers {

    /** Held so the level sticks: JUL keeps loggers weakly. Errors still print; access lines do not. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.courier.server");

    static {
        QUIET.setLevel(java.util.logging.Level.WARNING);
    }

    private TestServers() {
    }

    static HttpServer start(Handler handler) throws IOException {
        return HttpServer.builder().handler(handler).start();
    }

    static HttpServer start(Handler handler, ServerLimits limits) throws IOException {
        return HttpServer.builder().handler(handler).limits(limits).start();
    }

    /**
     * Waits (at most 5 s) until the server holds a connection, then until it holds none, and
     * returns how long the whole wait took in milliseconds. Waiting for the connection first
     * matters: a server that has not taken it yet also holds none.
     */
    static long awaitOneConnectionDropped(HttpServer server) throws InterruptedException {
        long start = System.nanoTime();
        long taken = start + 5_000_000_000L;
        while (server.openConnections() == 0 && System.nanoTime() < taken) {
            Thread.sleep(5);
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, server.openConnections(), "the server never took the connection");
        long end = System.nanoTime() + 5_000_000_000L;
        while (server.openConnections() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        org.junit.jupiter.api.Assertions.assertEquals(0, server.openConnections(), "the stuck connection was not dropped");
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A handler that counts its calls and echoes method, path and body. */
    static final class Echo implements Handler {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Reply handle(Request req) throws Exception {
            calls.incrementAndGet();
            String body = req.bodyText();
            return Reply.text(req.method() + " " + req.path() + " [" + body + "]");
        }
    }
}
