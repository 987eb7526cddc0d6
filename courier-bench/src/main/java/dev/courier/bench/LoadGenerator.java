package dev.courier.bench;

import java.io.IOException;

/** Drives a server with N keep-alive connections for a fixed time. */
interface LoadGenerator {

    /** Returns the measurement of GET {@code path} on 127.0.0.1:{@code port} over {@code connections} connections. */
    LoadResult run(int port, String path, int connections, int seconds) throws IOException, InterruptedException;

    /** Returns a short name for the results ("wrk 4.2.0", "built-in"). */
    String name();
}
