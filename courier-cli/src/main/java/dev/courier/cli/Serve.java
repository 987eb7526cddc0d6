package dev.courier.cli;

import dev.courier.server.HttpServer;
import dev.courier.server.Router;
import dev.courier.server.StaticFiles;
import dev.courier.testing.ExampleApp;
import dev.courier.testing.HttpBin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code courier serve [--port N] [--host H] [--static DIR] [--example]}: serves the
 * httpbin-compatible app of courier-testing, or a directory with {@code --static}, or with
 * {@code --example} the example web site of courier-testing (templated pages, forms, login; its
 * {@code /static/} is {@code --static DIR}, else the current directory), with an access log on
 * stderr, until Ctrl-C, which stops it gracefully (in-flight requests get 5 s).
 */
final class Serve {

    static final String USAGE = "usage: courier serve [--port N (8080; 0 = any free port)] [--host H (127.0.0.1)]"
            + " [--static DIR] [--example (the example web site; --static DIR is its /static/)]";

    private Serve() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        HttpServer server = start(args, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(5));
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Starts the server {@code args} describe ({@code args[0]} is "serve") and says where it is. */
    static HttpServer start(String[] args, PrintStream out) throws IOException {
        int port = 8080;
        String host = "127.0.0.1";
        Path dir = null;
        boolean example = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && (a.equals("--port") || a.equals("--host") || a.equals("--static"))) {
                throw new CliException(a + " needs a value; " + USAGE);
            }
            switch (a) {
                case "--port" -> port = parsePort(args[++i]);
                case "--host" -> host = args[++i];
                case "--static" -> dir = Path.of(args[++i]);
                case "--example" -> example = true;
                default -> throw new CliException("unknown serve option '" + a + "'; " + USAGE);
            }
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CliException("--static " + dir + " is not a directory");
        }
        HttpServer server;
        if (example) {
            Path statics = dir != null ? dir : Path.of(".");
            server = HttpServer.builder().host(host).port(port).handler(ExampleApp.router(statics)).start();
            out.println("courier serve: the example site at " + server.url() + "/ with " + statics.toAbsolutePath().normalize()
                    + " under /static/ (Ctrl-C stops)");
        } else if (dir != null) {
            server = HttpServer.builder().host(host).port(port)
                    .handler(new Router().staticFiles("/", StaticFiles.of(dir))).start();
            out.println("courier serve: " + dir.toAbsolutePath() + " at " + server.url() + " (Ctrl-C stops)");
        } else {
            server = HttpServer.builder().host(host).port(port).handler(HttpBin.router()).start();
            out.println("courier serve: the httpbin app at " + server.url() + " (try courier " + server.url()
                    + "/get a==1; Ctrl-C stops)");
        }
        out.flush();
        return server;
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliException("--port must be a number from 0 to 65535, not '" + s + "'");
    }
}
