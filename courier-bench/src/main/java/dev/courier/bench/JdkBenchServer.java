package dev.courier.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's {@code com.sun.net.httpserver} with a cached thread pool as executor (its default runs
 * every handler on the one dispatcher thread). Java 17 has no static file handler
 * ({@code SimpleFileServer} came in 18), so the file handler is the few lines a user would write:
 * resolve the name, refuse anything outside the directory, copy the file per request.
 */
final class JdkBenchServer implements BenchServer {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private JdkBenchServer(Path staticDir) throws IOException {
        Path root = staticDir.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(executor);
        server.createContext(HELLO_PATH, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, HELLO.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(HELLO);
            }
        });
        server.createContext("/", exchange -> serveFile(root, exchange));
        server.start();
    }

    static BenchServer start(Path staticDir) throws IOException {
        return new JdkBenchServer(staticDir);
    }

    private static void serveFile(Path root, HttpExchange exchange) throws IOException {
        Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
