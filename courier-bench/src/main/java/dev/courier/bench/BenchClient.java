package dev.courier.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * One HTTP client library as the client benchmark drives it.
 *
 * <p>Lifecycle: the registry ({@link Clients}) creates it, {@link #prepare} is called once with the
 * URL every request goes to, then {@link #get} is called in a loop, from one or many threads at
 * once, and finally {@link #close}. Implementations must be safe for concurrent {@code get} calls
 * and should use the library the way its documentation recommends for a shared client (one client
 * object, its own connection pool, keep-alive).
 */
interface BenchClient extends Closeable {

    /** Size of the buffer each implementation reads bodies into: bodies are streamed, not kept. */
    int READ_BUFFER = 16 * 1024;

    /** Builds whatever the library needs to send GET {@code url} again and again. */
    void prepare(String url) throws IOException;

    /**
     * Sends one GET, reads the whole body into a reused buffer and returns the number of body bytes
     * read.
     *
     * @throws IOException when the status is not 200 or the exchange fails
     */
    long get() throws IOException;

    /** Releases the client's connections and threads. */
    @Override
    void close() throws IOException;

    /** Returns the exception every implementation throws for a status other than 200. */
    static IOException unexpectedStatus(int status) {
        return new IOException("expected status 200 from the loopback server, got " + status);
    }
}
