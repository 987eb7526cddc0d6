package dev.courier.bench;

import java.io.Closeable;
import java.nio.file.Path;

/**
 * One HTTP server library as the server benchmark runs it, inside its own JVM ({@link ServerMain}).
 *
 * <p>Every implementation serves the same two things on 127.0.0.1: {@value #HELLO_PATH} answers
 * {@link #HELLO} as {@code text/plain}, and {@code /<name>} answers the file of that name in the
 * static directory (the benchmark asks for {@value #STATIC_FILE}), both with Content-Length and
 * keep-alive, as each library's documentation shows.
 */
interface BenchServer extends Closeable {

    String HELLO_PATH = "/hello";

    /** The hello-world body. */
    byte[] HELLO = "Hello, World!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The static file the benchmark asks for: 64 KiB as issue 7 asks. */
    String STATIC_FILE = "file64k.bin";

    int STATIC_FILE_BYTES = 64 * 1024;

    /** Starts a server. */
    interface Factory {
        /** Returns a started server on an ephemeral loopback port serving {@code staticDir}. */
        BenchServer start(Path staticDir) throws Exception;
    }

    /** Returns the port the server listens on. */
    int port();
}
