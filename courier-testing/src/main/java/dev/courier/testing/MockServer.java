package dev.courier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A scriptable HTTP/1.1 server for tests, on its own socket loop so it can misbehave: enqueue
 * responses (or set a {@link Dispatcher}), let the code under test call it, then assert on the
 * {@link RecordedRequest}s.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start()) {
 *     server.enqueue(MockResponse.text("hello"));
 *     String body = Courier.get(server.url("/greeting")).text();
 *     RecordedRequest r = server.takeRequest(Duration.ofSeconds(1));
 *     assertEquals("/greeting", r.target());
 * }
 * }</pre>
 *
 * <p>Lifecycle: 1. {@link #start()} or {@link #startHttps()} binds 127.0.0.1 on a free port;
 * 2. each accepted connection gets a daemon thread that reads a request, records it, takes the
 * next response (queue or dispatcher) and writes it, while the connection stays open;
 * 3. {@link #close()} closes the listening socket and every connection, which also ends stalls
 * and delays. With an empty queue and no dispatcher a request gets 500 naming the mistake.
 */
public final class MockServer implements AutoCloseable {

    private final ServerSocket listener;
    private final boolean https;
    private final BlockingQueue<MockResponse> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedRequest> recorded = new LinkedBlockingQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger connectionCount = new AtomicInteger();
    final CountDownLatch closed = new CountDownLatch(1);
    private volatile Dispatcher dispatcher;

    private MockServer(ServerSocket listener, boolean https) {
        this.listener = listener;
        this.https = https;
        Thread accept = new Thread(this::acceptLoop, "MockServer-accept-" + listener.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /**
     * Returns a started plain-HTTP server on 127.0.0.1 and a free port.
     *
     * @throws UncheckedIOException if no port can be bound
     */
    public static MockServer start() {
        try {
            return new MockServer(bind(new ServerSocket()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MockServer: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a started HTTPS server on 127.0.0.1 presenting a self-signed certificate for
     * {@code localhost} and {@code 127.0.0.1}; trust it with {@link #trustPem()},
     * {@link #trustStore()} or {@link #clientSslContext()}.
     *
     * @throws UncheckedIOException if the certificate cannot be made or no port bound
     */
    public static MockServer startHttps() {
        try {
            SSLContext ctx = SelfSignedCertificate.get().serverContext();
            return new MockServer(bind(ctx.getServerSocketFactory().createServerSocket()), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MockServer over TLS: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for MockServer: " + e.getMessage(), e);
        }
    }

    private static ServerSocket bind(ServerSocket s) throws IOException {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        return s;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Returns true when this server speaks TLS. */
    public boolean isHttps() {
        return https;
    }

    /** Returns an absolute URL for {@code path} on this server, e.g. {@code http://127.0.0.1:40123/users?page=2}. */
    public String url(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return (https ? "https" : "http") + "://127.0.0.1:" + port() + p;
    }

    /** Adds {@code response} to the queue answered in order (ignored while a dispatcher is set). */
    public void enqueue(MockResponse response) {
        queue.add(Objects.requireNonNull(response, "response"));
    }

    /** Sets a dispatcher that answers every request instead of the queue; null goes back to the queue. */
    public void dispatcher(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Returns the oldest request not yet taken, waiting up to {@code timeout}; null when none
     * arrived in time.
     */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return recorded.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns how many requests were received so far. */
    public int requestCount() {
        return requestCount.get();
    }

    /** Returns how many connections were accepted so far. */
    public int connectionCount() {
        return connectionCount.get();
    }

    /** Returns the path of a PEM file with the server's certificate, for {@code SessionBuilder.trustPem(Path)}. */
    public Path trustPem() {
        requireHttps();
        try {
            return SelfSignedCertificate.get().pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a key store trusting only the server's certificate, for {@code SessionBuilder.trustStore(KeyStore)}. */
    public KeyStore trustStore() {
        requireHttps();
        try {
            return SelfSignedCertificate.get().trustStore();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a client {@link SSLContext} trusting only the server's certificate. */
    public SSLContext clientSslContext() {
        requireHttps();
        try {
            return SelfSignedCertificate.get().clientContext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the listener and every open connection, ending stalls and delays; safe to call twice. */
    @Override
    public void close() {
        closed.countDown();
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    @Override
    public String toString() {
        return "MockServer{" + url("/") + ", " + requestCount() + " requests}";
    }

    private void requireHttps() {
        if (!https) {
            throw new IllegalStateException("this MockServer speaks plain HTTP; use MockServer.startHttps() for TLS");
        }
    }

    private void acceptLoop() {
        while (closed.getCount() > 0) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            int index = connectionCount.getAndIncrement();
            Thread t = new Thread(() -> {
                try {
                    new MockConnection(this, s, index).run();
                } finally {
                    open.remove(s);
                    closeQuietly(s);
                }
            }, "MockServer-conn-" + index);
            t.setDaemon(true);
            t.start();
            if (closed.getCount() == 0) {
                closeQuietly(s);
            }
        }
    }

    /** Records {@code request} and returns the response to send. */
    MockResponse respond(RecordedRequest request) {
        recorded.add(request);
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                return Objects.requireNonNull(d.dispatch(request), "dispatcher returned null");
            } catch (Exception e) {
                return MockResponse.builder().status(500).body("dispatcher failed: " + e).build();
            }
        }
        MockResponse r = queue.poll();
        if (r == null) {
            return MockResponse.builder().status(500)
                    .body("MockServer: no response enqueued for " + request.method() + " " + request.target()
                            + "; call server.enqueue(...) before the request")
                    .build();
        }
        return r;
    }

    int nextSequenceNumber() {
        return requestCount.getAndIncrement();
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
