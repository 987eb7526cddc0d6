package dev.courier.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An embeddable HTTP/1.1 server: strict about framing, one thread per connection (virtual
 * threads on Java 21+, a bounded platform pool on Java 17), keep-alive, pipelining,
 * {@code Expect: 100-continue}, limits and graceful shutdown.
 *
 * <pre>{@code
 * Router router = new Router().get("/hello/{name}", req -> Reply.text("Hello, " + req.pathParam("name")));
 * HttpServer server = HttpServer.builder().port(0).handler(router).start();
 * System.out.println(server.url());          // http://127.0.0.1:40123
 * ...
 * server.stop(Duration.ofSeconds(5));        // finish in-flight requests, then close
 * }</pre>
 *
 * <p><b>Timeouts.</b> Accepted sockets are {@code SocketChannel}s (so file bodies go out with
 * {@code FileChannel.transferTo}). Every read is bounded: the idle timeout before a request's
 * first byte (then a quiet close), the header timeout from that byte to the end of the head
 * (then 408 and close), the I/O timeout for each body read (then 408). A watchdog thread closes
 * any connection whose single write has been blocked longer than the I/O timeout (a client that
 * stopped reading). See {@link ServerLimits}.
 *
 * <p><b>Threads.</b> A virtual thread per connection on Java 21+ (the first two connections per
 * processor at a time on platform threads); on Java 17 a bounded pool of platform threads
 * ({@link ServerLimits#maxPlatformThreads()}), where keep-alive connections beyond the first
 * two per processor wait for their next request on a selector rather than on a thread of their
 * own, and a few threads serve whichever are ready.
 *
 * <p>Lifecycle: build, {@link #start()} (binds; {@link #port()} is then known), serve,
 * {@link #stop(Duration)}. A stopped server cannot start again. Logging goes through
 * {@link System.Logger}: {@code dev.courier.server} for errors (a handler's exception with its
 * stack; the client gets a bare 500) and {@code dev.courier.server.access} for one Common Log
 * Format line per request, at INFO.
 */
public final class HttpServer implements AutoCloseable {

    /** The default address: loopback only, so nothing is exposed by accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** How often the watchdog looks for writes that outlived the I/O timeout and for connections waiting for a thread. */
    private static final long WATCHDOG_PERIOD_MILLIS = 100;
    /** How long {@code stop} waits for the threads of connections it aborted after the grace period. */
    private static final long ABORT_WAIT_MILLIS = 1000;

    private final String host;
    private final int requestedPort;
    private final SSLContext tls;
    private final boolean wantClientAuth;
    private final boolean virtualThreads;
    private final int directConnections;
    private final ServerContext ctx;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private ServerSocketChannel listener;
    private ExecutorService executor;
    /**
     * With virtual threads: a few platform threads that take the first connections, so a server
     * with few clients answers each request with one thread wake-up instead of two (the JDK's
     * poller, then a carrier thread). Null on the platform pool, which is all platform threads.
     */
    private ExecutorService firstConnections;
    private final AtomicInteger firstConnectionsInUse = new AtomicInteger();
    private int firstConnectionSlots;
    private Thread acceptor;
    private Watchdog watchdog;
    private volatile int port = -1;
    private boolean started;

    private HttpServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.tls = b.tls;
        this.wantClientAuth = b.wantClientAuth;
        this.virtualThreads = b.virtualThreads;
        this.directConnections = b.directConnections;
        this.ctx = new ServerContext(b.limits, b.handler, System.getLogger("dev.courier.server"),
                System.getLogger("dev.courier.server.access"));
        this.slots = new Semaphore(b.limits.maxConnections());
    }

    /** Returns a new builder: host 127.0.0.1, an ephemeral port, no TLS, default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts accepting connections; returns this server.
     *
     * @throws IOException if the address cannot be bound
     * @throws IllegalStateException if called twice
     */
    public synchronized HttpServer start() throws IOException {
        if (started) {
            throw new IllegalStateException("the server was already started; build a new one to serve again");
        }
        started = true;
        listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getByName(host), requestedPort), 1024);
        } catch (IOException e) {
            closeQuietly(listener);
            throw new IOException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        executor = ConnectionThreads.create(virtualThreads, ctx.limits.maxPlatformThreads(), "courier-http-" + port + "-");
        if (executor instanceof java.util.concurrent.ThreadPoolExecutor) {
            java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor) executor;
            ctx.waitingForThreads = () -> pool.getQueue().size();
            if (tls == null) {
                ctx.parking = new IdleParking(pool, connections::size, () -> pool.getQueue().size(), directConnections);
            }
        } else {
            firstConnectionSlots = ConnectionThreads.platformConnectionsBesideVirtual();
            firstConnections = ConnectionThreads.create(false, firstConnectionSlots, "courier-http-" + port + "-p");
        }
        watchdog = new Watchdog(connections, ctx, WATCHDOG_PERIOD_MILLIS);
        acceptor = new Thread(this::acceptLoop, "courier-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        ctx.log.log(System.Logger.Level.INFO, () -> "serving " + url() + " on "
                + (firstConnections != null ? "virtual threads (the first " + firstConnectionSlots + " connections at a time on platform threads)"
                        : "platform threads"));
        return this;
    }

    /** Returns the bound port (the chosen one when built with port 0), or -1 before start. */
    public int port() {
        return port;
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:8080} or {@code https://[::1]:8443}. */
    public String url() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls != null ? "https" : "http") + "://" + h + ":" + port;
    }

    /** Returns the number of connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Returns how many times an idle connection was parked on the selector (Java 17's pool; else 0). */
    long parks() {
        IdleParking parking = ctx.parking;
        return parking == null ? 0 : parking.parks();
    }

    private void acceptLoop() {
        // Bounded by the listener: stop() closes it, which ends accept() with an exception.
        while (true) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!listener.isOpen()) {
                    return;
                }
                ctx.log.log(System.Logger.Level.WARNING, "accept failed: " + e);
                continue;
            }
            if (!slots.tryAcquire()) {
                Overload.refuse(ch, ctx);
                continue;
            }
            try {
                if (firstConnections != null && firstConnectionsInUse.incrementAndGet() <= firstConnectionSlots) {
                    firstConnections.execute(() -> {
                        try {
                            serve(ch);
                        } finally {
                            firstConnectionsInUse.decrementAndGet();
                        }
                    });
                } else {
                    if (firstConnections != null) {
                        firstConnectionsInUse.decrementAndGet();
                    }
                    executor.execute(() -> serve(ch));
                }
            } catch (RuntimeException e) { // executor shut down by stop()
                slots.release();
                closeQuietly(ch);
            }
        }
    }

    /** Runs on the connection's own thread: the TLS handshake must not hold up accepting. */
    private void serve(SocketChannel ch) {
        Transport t;
        try {
            t = tls == null ? new PlainTransport(ch)
                    : new TlsTransport(ch, tls, wantClientAuth, ctx.headerMillis());
        } catch (IOException e) {
            ctx.log.log(System.Logger.Level.DEBUG, () -> "connection setup failed: " + e);
            closeQuietly(ch);
            slots.release();
            return;
        }
        Connection[] self = new Connection[1];
        Connection c = new Connection(ctx, t, () -> {
            connections.remove(self[0]);
            slots.release();
            synchronized (connections) {
                connections.notifyAll();
            }
        });
        self[0] = c;
        connections.add(c);
        if (ctx.stopping) {
            c.closeIfIdle();
        }
        c.run();
    }

    /**
     * Stops gracefully: refuses new connections at once, closes idle kept-alive connections,
     * lets requests in progress finish (their replies say {@code Connection: close}) for up to
     * {@code grace}, then closes whatever is left. Returns when all connections are closed (or, for a handler
     * that ignores its closed socket, at most a second after the grace period).
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (this) {
            if (!started || ctx.stopping) {
                ctx.stopping = true;
                return;
            }
            ctx.stopping = true;
        }
        closeQuietly(listener);
        awaitConnectionsEnded(System.nanoTime() + Math.max(0, grace.toNanos()), true);
        for (Connection c : connections) {
            c.abort();
        }
        // The threads of aborted connections see their sockets closed and leave; one stuck in
        // a handler that ignores that (on a lock, say) does not hold the caller for long.
        awaitConnectionsEnded(System.nanoTime() + ABORT_WAIT_MILLIS * 1_000_000L, false);
        if (ctx.parking != null) {
            ctx.parking.close();
        }
        executor.shutdownNow();
        if (firstConnections != null) {
            firstConnections.shutdownNow();
        }
        watchdog.close();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.log.log(System.Logger.Level.INFO, () -> "stopped " + url());
    }

    /**
     * Waits until no connection is left or {@code deadlineNanos} passes, closing the idle ones
     * each time round when {@code closeIdle} (a connection goes idle once its reply is out).
     */
    private void awaitConnectionsEnded(long deadlineNanos, boolean closeIdle) {
        synchronized (connections) {
            // Bounded by the deadline; woken whenever a connection ends.
            while (!connections.isEmpty()) {
                if (closeIdle) {
                    for (Connection c : connections) {
                        c.closeIfIdle();
                    }
                }
                long leftNanos = deadlineNanos - System.nanoTime();
                if (leftNanos <= 0) {
                    return;
                }
                try {
                    // Rounded up, so the whole grace period is given, not all but its last millisecond.
                    connections.wait(Math.min((leftNanos + 999_999) / 1_000_000, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops at once: {@code stop(Duration.ZERO)}. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing is best effort here.
        }
    }

    /** Configures an {@link HttpServer}. Not thread-safe. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private SSLContext tls;
        private boolean wantClientAuth;
        private boolean virtualThreads = true;
        private int directConnections = IdleParking.DIRECT_CONNECTIONS;
        private Handler handler;
        private Router ownRouter;
        private ServerLimits limits = ServerLimits.defaults();

        private Builder() {
        }

        /** Sets the address to listen on, e.g. {@code "0.0.0.0"} for every interface (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Sets the port; 0 (the default) picks a free one, reported by {@link HttpServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves HTTPS with {@code context}'s key material. */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Serves HTTPS with the key and certificate chain in {@code keyStore} (e.g. a PKCS#12
         * file loaded with {@code KeyStore.getInstance("PKCS12")}), whose keys use {@code password}.
         *
         * @throws GeneralSecurityException if the key cannot be read with {@code password}
         */
        public Builder tls(KeyStore keyStore, char[] password) throws GeneralSecurityException {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return tls(context);
        }

        /**
         * Serves HTTPS with a PEM certificate chain (server certificate first) and its
         * unencrypted PKCS#8 private key, e.g. certbot's {@code fullchain.pem} and
         * {@code privkey.pem}.
         *
         * @throws IOException if a file cannot be read
         * @throws GeneralSecurityException if a file holds no usable certificate or key (the
         *     message says how to convert other key formats)
         */
        public Builder tls(java.nio.file.Path certificateChain, java.nio.file.Path privateKey)
                throws IOException, GeneralSecurityException {
            char[] password = "courier".toCharArray(); // protects only the in-memory key store
            return tls(PemKeys.load(certificateChain, privateKey, password), password);
        }

        /** Asks TLS clients for a certificate (see {@link Request#peerCertificates()}); default false. */
        public Builder wantClientAuth(boolean want) {
            this.wantClientAuth = want;
            return this;
        }

        /** Uses virtual threads when the JVM has them (default true); false forces the platform pool. */
        public Builder virtualThreads(boolean use) {
            this.virtualThreads = use;
            return this;
        }

        /**
         * Sets how many connections keep their own platform thread between requests before
         * idle ones are parked ({@link IdleParking}); for tests, which need parking with a
         * handful of connections whatever the machine's processor count.
         */
        Builder directConnections(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("directConnections must be >= 0, got " + count);
            }
            this.directConnections = count;
            return this;
        }

        /** Sets what answers every request, often a {@link Router}; replaces routes added here. */
        public Builder handler(Handler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Adds a GET route to this builder's own {@link Router}, e.g. {@code get("/hello/{name}", h)}. */
        public Builder get(String pattern, Handler h) {
            router().get(pattern, h);
            return this;
        }

        /** Adds a POST route to this builder's own {@link Router}. */
        public Builder post(String pattern, Handler h) {
            router().post(pattern, h);
            return this;
        }

        /** Adds a route for {@code method} to this builder's own {@link Router}. */
        public Builder route(dev.courier.http.Method method, String pattern, Handler h) {
            router().route(method, pattern, h);
            return this;
        }

        /** Serves {@code root}'s files under {@code prefix} from this builder's own {@link Router}. */
        public Builder staticFiles(String prefix, java.nio.file.Path root) {
            router().staticFiles(prefix, StaticFiles.of(root));
            return this;
        }

        private Router router() {
            if (handler != ownRouter || (handler == null && ownRouter == null)) {
                if (handler != null) {
                    throw new IllegalStateException("a handler was set with handler(...); add routes to that router instead");
                }
                ownRouter = new Router();
                handler = ownRouter;
            }
            return ownRouter;
        }

        /** Sets the limits and timeouts (default {@link ServerLimits#defaults()}). */
        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Returns the server, not yet started.
         *
         * @throws IllegalStateException without a handler
         */
        public HttpServer build() {
            if (handler == null) {
                throw new IllegalStateException("no handler: call handler(router) before build()");
            }
            return new HttpServer(this);
        }

        /** Builds and starts the server; see {@link HttpServer#start()}. */
        public HttpServer start() throws IOException {
            return build().start();
        }
    }
}
