package dev.courier.testing;

import dev.courier.Response;
import dev.courier.Session;
import dev.courier.server.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One HttpBin server and one client session shared by a test class. */
final class BinServer implements AutoCloseable {

    final HttpServer server;
    final Session session;

    private BinServer(HttpServer server, Session session) {
        this.server = server;
        this.session = session;
    }

    static BinServer start() {
        try {
            return new BinServer(HttpBin.start(0), Session.builder().followRedirects(false).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return server.url() + path;
    }

    /** Returns the response body parsed as a JSON object. */
    static Map<?, ?> object(Response r) {
        Object o = r.json();
        if (!(o instanceof Map)) {
            throw new AssertionError("expected a JSON object, got " + r.text());
        }
        return (Map<?, ?>) o;
    }

    @Override
    public void close() {
        session.close();
        server.close();
    }
}
