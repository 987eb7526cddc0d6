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
