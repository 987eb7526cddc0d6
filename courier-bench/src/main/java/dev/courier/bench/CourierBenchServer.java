package dev.courier.bench;

import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import dev.courier.server.StaticFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Courier's {@link HttpServer} with its default limits and thread model (a bounded platform pool
 * on Java 17, virtual threads on 21+): a {@link Router} answering {@value BenchServer#HELLO_PATH}
 * and serving the static directory at {@code /} with {@link StaticFiles} (ETag, Last-Modified,
 * ranges, sendfile), as its documentation shows.
 *
 * <p>The server writes one access-log line per request at INFO to {@code dev.courier.server.access}
 * (through {@code java.util.logging}, which prints INFO to standard error by default). The peers
 * log no request by default, so the benchmark turns that logger off, as an application that
 * does not want an access log would; otherwise it would measure console logging.
 */
final class CourierBenchServer implements BenchServer {

    /** Held strongly: java.util.logging keeps only weak references to configured loggers. */
    private static final Logger ACCESS_LOG = Logger.getLogger("dev.courier.server.access");

    private final HttpServer server;

    private CourierBenchServer(Path staticDir) throws IOException {
        ACCESS_LOG.setLevel(Level.OFF);
        Router router = new Router()
                .get(HELLO_PATH, req -> Reply.bytes(HELLO, "text/plain"))
                .staticFiles("/", StaticFiles.of(staticDir));
        server = HttpServer.builder().host("127.0.0.1").port(0).handler(router).start();
    }

    static BenchServer start(Path staticDir) throws IOException {
        return new CourierBenchServer(staticDir);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop(Duration.ZERO);
    }
}
