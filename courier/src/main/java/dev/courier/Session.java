package dev.courier;

import dev.courier.client.TlsConfig;
import dev.courier.client.Transport;
import dev.courier.client.TransportSettings;
import dev.courier.client.WireTap;
import dev.courier.cookie.CookieJar;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.http.Url;
import dev.courier.wire.WireLimits;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything that persists between calls: base URL, default headers and query parameters,
 * credentials, timeouts, cookie jar, redirect policy, TLS settings and a pool of keep-alive
 * connections. Thread-safe; share one per application, and close it to release the pool (and
 * save a persistent cookie jar).
 *
 * <pre>{@code
 * try (Session s = Session.builder()
 *         .baseUrl("https://api.example.com")
 *         .auth(Auth.bearer(token))
 *         .build()) {
 *     s.post("/login", Body.form("user", "ada"));
 *     User u = s.get("/users/1").raiseForStatus().json(User.class);
 *     s.request(Method.PUT, "/albums/7").body(Body.file(photo)).send();
 * }
 * }</pre>
 *
 * <p>Each call goes: {@link #request} builds a {@link Request}; {@link #send} prepares it
 * (merging these settings, see {@link SessionBuilder}), sends it, stores cookies and follows
 * redirects.
 */
public final class Session implements AutoCloseable {

    private final SessionBuilder settings;
    private final Url baseUrl;
    private final Headers headers;
    private final List<Map.Entry<String, String>> params;
    private final CookieJar cookies;
    private final Transport transport;
    private final PreparedTargets prepared = new PreparedTargets();
    /** User-Agent, Accept-Encoding, Accept, then the session's headers; null when they cannot be built. */
    private final Headers baseHeaders;
    /** True when {@link #baseHeaders} can go out as they are: no credentials, cookies or framing fields. */
    private final boolean baseHeadersPlain;

    Session(SessionBuilder b) {
        this.settings = b;
        this.baseUrl = b.baseUrl;
        this.headers = b.headers.build();
        this.params = List.copyOf(b.params);
        this.cookies = b.cookies;
        this.baseHeaders = Hop.baseHeaders(b.userAgent, headers);
        this.baseHeadersPlain = baseHeaders != null && !baseHeaders.contains("Authorization")
                && !baseHeaders.contains("Proxy-Authorization") && !baseHeaders.contains("Cookie")
                && !baseHeaders.contains("Content-Length") && !baseHeaders.contains("Transfer-Encoding");
        TlsConfig tls = TlsConfig.of(b.trust, b.clientKeys, b.clientKeyPassword, b.insecure);
        WireTap tap = b.wireLog == null ? WireTap.NONE : (sent, bytes, off, len) -> b.wireLog.bytes(
                sent ? WireLog.Direction.SENT : WireLog.Direction.RECEIVED, java.util.Arrays.copyOfRange(bytes, off, off + len));
        this.transport = new Transport(new TransportSettings(millis(b.connectTimeout), millis(b.readTimeout),
                millis(b.writeTimeout), b.poolSize, b.keepAlive.toNanos(), tls, tap, WireLimits.defaults(),
                b.proxy));
    }

    private static int millis(java.time.Duration d) {
        return d == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** Returns a builder with the safe defaults listed on {@link SessionBuilder}. */
    public static SessionBuilder builder() {
        return new SessionBuilder();
    }

    /** Returns a session with every default. */
    public static Session create() {
        return builder().build();
    }

    /** Returns a builder of a request of {@code method} to {@code url}; its {@code send()} uses this session. */
    public Request.Builder request(Method method, String url) {
        return new Request.Builder(method, url, this);
    }

    /** Sends a GET to {@code url}. */
    public Response get(String url) {
        return request(Method.GET, url).send();
    }

    /** Sends a HEAD to {@code url}. */
    public Response head(String url) {
        return request(Method.HEAD, url).send();
    }

    /** Sends an OPTIONS to {@code url}. */
    public Response options(String url) {
        return request(Method.OPTIONS, url).send();
    }

    /** Sends a DELETE to {@code url}. */
    public Response delete(String url) {
        return request(Method.DELETE, url).send();
    }

    /** Sends a POST of {@code body} (null for none) to {@code url}. */
    public Response post(String url, Body body) {
        return request(Method.POST, url).body(body).send();
    }

    /** Sends a PUT of {@code body} (null for none) to {@code url}. */
    public Response put(String url, Body body) {
        return request(Method.PUT, url).body(body).send();
    }

    /** Sends a PATCH of {@code body} (null for none) to {@code url}. */
    public Response patch(String url, Body body) {
        return request(Method.PATCH, url).body(body).send();
    }

    /**
     * Sends {@code request} and returns the final response (after redirects, unless disabled).
     *
     * @throws CourierException or a subtype: see the exception types of this package
     */
    public Response send(Request request) {
        return new Call(this, request).execute();
    }

    /**
     * Sends {@code request} on a virtual thread (Java 21+) or a bounded pool (Java 17); the
     * future fails with the same exceptions {@link #send} throws.
     */
    public CompletableFuture<Response> sendAsync(Request request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request);
            } catch (CourierException e) {
                throw new CompletionException(e);
            }
        }, AsyncRunner.EXECUTOR);
    }

    /** Returns the cookie jar, or null when cookies are disabled. */
    public CookieJar cookies() {
        return cookies;
    }

    /** Returns how many idle keep-alive connections the pool holds. */
    public int idleConnections() {
        return transport.idleConnections();
    }

    /** Closes every pooled connection and, for a persistent cookie jar, saves it. */
    @Override
    public void close() {
        transport.close();
        if (cookies instanceof Closeable) {
            try {
                ((Closeable) cookies).close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the cookie jar: " + e, e);
            }
        }
    }

    Url baseUrl() {
        return baseUrl;
    }

    Headers headers() {
        return headers;
    }

    List<Map.Entry<String, String>> params() {
        return params;
    }

    Auth auth() {
        return settings.auth;
    }

    String userAgent() {
        return settings.userAgent;
    }

    java.time.Duration deadline() {
        return settings.deadline;
    }

    boolean followRedirects() {
        return settings.followRedirects;
    }

    int maxRedirects() {
        return settings.maxRedirects;
    }

    Transport transport() {
        return transport;
    }

    PreparedTargets prepared() {
        return prepared;
    }

    Headers baseHeaders() {
        return baseHeaders;
    }

    boolean baseHeadersPlain() {
        return baseHeadersPlain;
    }
}
