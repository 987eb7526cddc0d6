package dev.courier;

import dev.courier.client.ProxySettings;
import dev.courier.client.TlsConfig;
import dev.courier.cookie.CookieJar;
import dev.courier.http.Headers;
import dev.courier.http.Url;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A builder of {@link Session}. Every setting has a safe default:
 * <ul>
 *   <li>connect timeout 10 s, read timeout 60 s (between bytes), write timeout 60 s, no total
 *       deadline;</li>
 *   <li>an in-memory cookie jar;</li>
 *   <li>redirects followed, at most 30 (as requests);</li>
 *   <li>TLS certificates and host names verified against the JDK trust store;</li>
 *   <li>5 idle connections kept per origin for 60 s;</li>
 *   <li>no proxy (environment variables such as {@code HTTPS_PROXY} are not read);</li>
 *   <li>{@code User-Agent: courier/<version>}.</li>
 * </ul>
 * The builder can be reused; each {@link #build()} takes a snapshot.
 */
public final class SessionBuilder {

    /** Redirects followed by default: 30, as requests' {@code DEFAULT_REDIRECT_LIMIT}. */
    public static final int DEFAULT_MAX_REDIRECTS = 30;
    /** Connect timeout by default: 10 s (DESIGN.md, safe defaults). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout by default: 60 s between bytes (DESIGN.md, safe defaults). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Write timeout by default: 60 s, the same bound as reads. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

    Url baseUrl;
    Headers.Builder headers = Headers.builder();
    List<Map.Entry<String, String>> params = new ArrayList<>();
    Auth auth;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration readTimeout = DEFAULT_READ_TIMEOUT;
    Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    Duration deadline;
    CookieJar cookies = CookieJar.inMemory();
    boolean followRedirects = true;
    int maxRedirects = DEFAULT_MAX_REDIRECTS;
    KeyStore trust;
    KeyStore clientKeys;
    char[] clientKeyPassword;
    boolean insecure;
    int poolSize = 5;
    Duration keepAlive = Duration.ofSeconds(60);
    String userAgent = "courier/" + Courier.VERSION;
    WireLog wireLog;
    ProxySettings proxy;
    List<String> noProxy = List.of();

    SessionBuilder() {
    }

    /**
     * Sets the URL that relative request URLs are resolved against, as a browser resolves links
     * (RFC 3986 §5.2): with base {@code https://api.example.com/v1/}, {@code "users"} is
     * {@code /v1/users} while {@code "/users"} is {@code /users}.
     *
     * @throws InvalidUrlException if {@code url} is not an absolute http(s) URL
     */
    public SessionBuilder baseUrl(String url) {
        try {
            this.baseUrl = Url.parse(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("invalid base URL: " + e.getMessage(), e, null, null);
        }
        return this;
    }

    /** Sets a header sent with every request (a request's own header of that name wins). */
    public SessionBuilder header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** Adds a query parameter sent with every request, before the request's own. */
    public SessionBuilder param(String name, String value) {
        params.add(Map.entry(name, value));
        return this;
    }

    /** Sets credentials for every request; they never follow a redirect to another origin. */
    public SessionBuilder auth(Auth auth) {
        this.auth = auth;
        return this;
    }

    /** Sets the connect, read and write timeouts to {@code timeout}. */
    public SessionBuilder timeout(Duration timeout) {
        return connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout);
    }

    /** Sets the time allowed for the TCP and TLS handshakes; null for none. */
    public SessionBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /** Sets the longest wait for the next response byte; null for none. */
    public SessionBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /** Sets the longest a single write of the request may block; null for none. */
    public SessionBuilder writeTimeout(Duration timeout) {
        this.writeTimeout = positive(timeout, "writeTimeout");
        return this;
    }

    /**
     * Sets a bound on the whole call, redirects and retries included, and the reading of the body
     * (for a streamed response too); null (the default) for none.
     */
    public SessionBuilder deadline(Duration total) {
        this.deadline = positive(total, "deadline");
        return this;
    }

    /** Sets the cookie jar, e.g. {@code CookieJar.persistent(Path.of("cookies.txt"))}; null disables cookies. */
    public SessionBuilder cookies(CookieJar jar) {
        this.cookies = jar;
        return this;
    }

    /** Sets whether 3xx responses with a Location are followed (default true). */
    public SessionBuilder followRedirects(boolean follow) {
        this.followRedirects = follow;
        return this;
    }

    /** Sets the most redirects one call follows before {@link TooManyRedirectsException} (default 30). */
    public SessionBuilder maxRedirects(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + max);
        }
        this.maxRedirects = max;
        return this;
    }

    /** Trusts the CA certificates of the PEM file {@code pem} instead of the JDK's trust store. */
    public SessionBuilder trustPem(Path pem) {
        this.trust = TlsConfig.trustStoreFromPem(pem);
        return this;
    }

    /** Trusts the certificates of {@code store} instead of the JDK's trust store. */
    public SessionBuilder trustStore(KeyStore store) {
        this.trust = store;
        return this;
    }

    /** Presents the key and certificate chain in {@code keys} when the server asks for a client certificate. */
    public SessionBuilder clientCertificate(KeyStore keys, char[] password) {
        this.clientKeys = keys;
        this.clientKeyPassword = password == null ? null : password.clone();
        return this;
    }

    /**
     * Turns off TLS certificate and host name verification: anyone on the network path can then
     * read and change the traffic. For throwaway tests against self-signed servers only.
     */
    public SessionBuilder insecureSkipTlsVerificationDangerously() {
        this.insecure = true;
        return this;
    }

    /** Sets how many idle keep-alive connections are kept per origin (default 5; 0 disables reuse). */
    public SessionBuilder poolSize(int idlePerOrigin) {
        if (idlePerOrigin < 0) {
            throw new IllegalArgumentException("poolSize must be >= 0, got " + idlePerOrigin);
        }
        this.poolSize = idlePerOrigin;
        return this;
    }

    /** Sets how long an idle connection is kept before it is closed (default 60 s). */
    public SessionBuilder keepAlive(Duration idle) {
        this.keepAlive = positive(idle, "keepAlive");
        return this;
    }

    /** Sets the User-Agent header (default {@code courier/<version>}). */
    public SessionBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Sets a log that receives every byte sent and received, e.g. {@code WireLog.to(System.err)}. */
    public SessionBuilder wireLog(WireLog log) {
        this.wireLog = log;
        return this;
    }

    /**
     * Sends requests through the HTTP proxy at {@code url}, e.g. {@code "http://proxy:3128"} or,
     * with Basic credentials for the proxy, {@code "http://user:secret@proxy:3128"} (a URL without
     * a scheme is taken as http, as requests does). Plain http requests are sent to the proxy in
     * absolute form; https requests go through a {@code CONNECT} tunnel, with TLS and certificate
     * checks end to end. Null removes the proxy.
     *
     * @throws IllegalArgumentException for a URL that is not an http proxy URL with a host (TLS to
     *     the proxy itself and SOCKS are not supported)
     */
    public SessionBuilder proxy(String url) {
        this.proxy = url == null ? null : parseProxy(url, noProxy);
        return this;
    }

    /**
     * Names hosts that are reached directly, not through the {@link #proxy}: a name matches itself
     * and its subdomains ({@code "example.com"} also covers {@code "api.example.com"}), an IP
     * literal matches itself, and {@code "*"} matches every host, as curl and requests read
     * {@code NO_PROXY}. Replaces an earlier list.
     */
    public SessionBuilder noProxy(String... hosts) {
        this.noProxy = List.of(hosts);
        if (proxy != null) {
            proxy = new ProxySettings(proxy.host(), proxy.port(), proxy.authorization(), noProxy);
        }
        return this;
    }

    private static ProxySettings parseProxy(String url, List<String> noProxy) {
        String text = url.contains("://") ? url : "http://" + url;
        Url u;
        try {
            u = Url.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid proxy URL \"" + url + "\": " + e.getMessage(), e);
        }
        if (!"http".equals(u.scheme())) {
            throw new IllegalArgumentException("proxy URL \"" + u.scheme() + "://...\" is not supported: give an http:// "
                    + "proxy (https requests still go through it with TLS end to end); TLS to the proxy and SOCKS "
                    + "are not supported");
        }
        if (u.host() == null || u.host().isEmpty()) {
            throw new IllegalArgumentException("proxy URL \"" + url + "\" has no host");
        }
        String authorization = u.userInfo() == null ? null
                : Auth.basic(u.username(), u.password() == null ? "" : u.password()).headerValue();
        return new ProxySettings(u.host(), u.port(), authorization, noProxy);
    }

    /** Returns a new session with these settings. */
    public Session build() {
        SessionBuilder copy = new SessionBuilder();
        copy.baseUrl = baseUrl;
        copy.headers = headers.build().newBuilder();
        copy.params = List.copyOf(params);
        copy.auth = auth;
        copy.connectTimeout = connectTimeout;
        copy.readTimeout = readTimeout;
        copy.writeTimeout = writeTimeout;
        copy.deadline = deadline;
        copy.cookies = cookies;
        copy.followRedirects = followRedirects;
        copy.maxRedirects = maxRedirects;
        copy.trust = trust;
        copy.clientKeys = clientKeys;
        copy.clientKeyPassword = clientKeyPassword;
        copy.insecure = insecure;
        copy.poolSize = poolSize;
        copy.keepAlive = keepAlive;
        copy.userAgent = userAgent;
        copy.wireLog = wireLog;
        copy.proxy = proxy;
        copy.noProxy = noProxy;
        return new Session(copy);
    }

    private static Duration positive(Duration d, String what) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(what + " must be positive or null (none), got " + d);
        }
        return d;
    }
}
