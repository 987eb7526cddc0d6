package dev.courier.cli;

import dev.courier.server.HttpServer;
import dev.courier.server.Router;
import dev.courier.server.StaticFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code courier serve [--port N] [--host H] [--static DIR]}: serves a directory, or else the
 * demo's small httpbin-like routes (the full httpbin app of courier-testing is not written yet),
 * until Ctrl-C, which stops it gracefully.
 */
final class Serve {

    private Serve() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int port = 8080;
        String host = "127.0.0.1";
        Path dir = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && (a.equals("--port") || a.equals("--host") || a.equals("--static"))) {
                throw new CliException(a + " needs a value");
            }
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--static" -> dir = Path.of(args[++i]);
                case "--help" -> {
                    out.println("usage: courier serve [--port N (8080; 0 = any)] [--host H (127.0.0.1)] [--static DIR]");
                    return 0;
                }
                default -> throw new CliException("unknown serve option '" + a + "'; see courier serve --help");
            }
        }
        HttpServer server;
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new CliException("--static " + dir + " is not a directory");
            }
            server = HttpServer.builder().host(host).port(port)
                    .handler(new Router().staticFiles("/", StaticFiles.of(dir))).start();
            out.println("courier serve: " + dir.toAbsolutePath() + " at " + server.url() + " (Ctrl-C stops)");
        } else {
            server = DemoServer.start(host, port);
            out.println("courier serve: demo routes (/get /post /upload /cookies /cookies/set /redirect/{n} /gzip "
                    + "/delay/{ms}) at " + server.url() + " (Ctrl-C stops)");
            out.println("courier serve: the full httpbin app (courier-testing) is not there yet");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(5));
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
