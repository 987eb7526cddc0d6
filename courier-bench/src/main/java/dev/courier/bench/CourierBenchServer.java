package dev.courier.bench;

import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import dev.courier.server.StaticFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Courier's {@link HttpServer} with its default limits and thread model (a bounded platform pool
 * on Java 17, virtual threads on 21+): a {@link Router} answering {@value BenchServer#HELLO_PATH}
 * and serving the static directory at {@code /} with {@link StaticFiles} (ETag, Last-Modified,
 * ranges, sendfile), as its documentation shows.
 */
final class CourierBenchServer implements BenchServer {

    private final HttpServer server;

    private CourierBenchServer(Path staticDir) throws IOException {
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
