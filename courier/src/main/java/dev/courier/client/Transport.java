package dev.courier.client;

import dev.courier.wire.ContentDecoder;
import dev.courier.wire.Framing;
import dev.courier.wire.ResponseHead;
import java.io.Closeable;

/**
 * Sends exchanges over pooled connections: take an idle connection to the origin or open one,
 * run the exchange, and hand back the head with a body stream that returns the connection when
 * read to the end.
 *
 * <p>A reused connection may have been closed by the server while idle; the failure then shows
 * before any response byte. Such a request is sent once more on a fresh connection, only when
 * {@link ExchangeRequest#mayRetry} allows it (idempotent method, or no body byte sent yet).
 */
public final class Transport implements Closeable {

    private final TransportSettings settings;
    private final ConnectionPool pool;
    private final Connector connector;
    /** The origin of the last URL sent, reused while calls go to the same URL (most do). */
    private volatile UrlOrigin lastOrigin;

    private record UrlOrigin(dev.courier.http.Url url, Origin origin) {
    }

    /** Creates a transport with its own pool. */
    public Transport(TransportSettings settings) {
        this.settings = settings;
        this.pool = new ConnectionPool(settings.maxIdlePerOrigin(), settings.keepAliveNanos(), System::nanoTime);
        this.connector = new Connector(settings.tls(), settings.tap(), settings.limits(), settings.proxy());
    }

    /** The head of a response and its body stream (empty for bodiless responses). */
    public record Result(ResponseHead head, ResponseBodyStream body, boolean reusedConnection) {
    }

    /** Sends {@code request} and returns the response head and body stream. */
    public Result execute(ExchangeRequest request, Deadline deadline) throws TransportFailure {
        UrlOrigin last = lastOrigin;
        Origin origin;
        if (last != null && last.url() == request.url()) {
            origin = last.origin();
        } else {
            origin = Origin.of(request.url());
            lastOrigin = new UrlOrigin(request.url(), origin);
        }
        Connection c = pool.acquire(origin);
        boolean reused = c != null;
        if (c == null) {
            c = connector.open(origin, settings.connectTimeoutMillis(), deadline);
        }
        Exchange exchange = new Exchange(c, request);
        try {
            return run(c, exchange, request, deadline, reused);
        } catch (TransportFailure f) {
            c.close();
            boolean retry = reused && !f.responseStarted() && f.kind() == TransportFailure.Kind.CONNECTION_LOST
                    && request.mayRetry(exchange.bodyBytesSent());
            if (!retry) {
                throw f;
            }
            Connection fresh = connector.open(origin, settings.connectTimeoutMillis(), deadline);
            try {
                return run(fresh, new Exchange(fresh, request), request, deadline, false);
            } catch (TransportFailure again) {
                fresh.close();
                again.addSuppressed(f);
                throw again;
            }
        }
    }

    private Result run(Connection c, Exchange exchange, ExchangeRequest request, Deadline deadline, boolean reused)
            throws TransportFailure {
        c.begin(settings.readTimeoutMillis(), settings.writeTimeoutMillis(), deadline);
        ResponseHead head = exchange.run();
        Framing framing = exchange.framing(head);
        ContentDecoder content = null;
        if (request.decompress() && framing.hasBody()) {
            content = contentDecoder(head.headers().get("Content-Encoding"));
        }
        ResponseBodyStream body = new ResponseBodyStream(c, framing, content, pool, exchange.reusable(head, framing));
        return new Result(head, body, reused);
    }

    /** Returns a decoder for the one coding we asked for, or null to pass the bytes as they are. */
    private static ContentDecoder contentDecoder(String coding) {
        if (coding == null) {
            return null;
        }
        String c = coding.trim();
        // We send Accept-Encoding: gzip, deflate; anything else (or a list) is passed through raw.
        if (c.equalsIgnoreCase("gzip") || c.equalsIgnoreCase("x-gzip") || c.equalsIgnoreCase("deflate")) {
            return ContentDecoder.forCoding(c);
        }
        return null;
    }

    /** Returns the number of idle pooled connections. */
    public int idleConnections() {
        return pool.idleCount();
    }

    /** Closes idle connections older than the keep-alive time; returns how many. */
    public int evictIdle() {
        return pool.evictIdle();
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        pool.close();
    }
}
