package dev.courier.cookie;

import dev.courier.http.Headers;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A cookie store for an HTTP client: takes the {@code Set-Cookie} headers of each response and
 * gives the cookies for each request, by the rules of RFC 6265 §5.3 and §5.4.
 *
 * <p>Lifecycle for each request: {@link #cookieHeader(URI)} before sending, then
 * {@link #store(URI, Headers)} with the response's headers (on every redirect hop too):
 *
 * <pre>{@code
 * CookieJar jar = CookieJar.inMemory();
 * jar.store(URI.create("https://example.com/login"), List.of("sid=31d4; Path=/; Secure; HttpOnly"));
 * jar.cookieHeader(URI.create("https://example.com/account"));   // Optional[sid=31d4]
 * jar.cookieHeader(URI.create("http://example.com/account"));    // Optional.empty: Secure
 * }</pre>
 *
 * <p>Implementations are safe for use by several threads.
 */
public interface CookieJar {

    /** Returns a new empty jar kept in memory, with the system clock and the default limits. */
    static MemoryCookieJar inMemory() {
        return MemoryCookieJar.builder().build();
    }

    /**
     * Returns a jar backed by the Netscape {@code cookies.txt} file {@code file}: loaded now (if
     * it exists) and written back, without session cookies, by {@link PersistentCookieJar#close()}.
     *
     * @throws CookieFileException if the file has a malformed line
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    static PersistentCookieJar persistent(Path file) {
        return PersistentCookieJar.builder(file).build();
    }

    /**
     * Stores the cookies of a response to a request for {@code requestUrl}, one outcome per
     * header in order; a rejected header is also logged at DEBUG level with its reason.
     */
    List<StoreOutcome> store(URI requestUrl, List<String> setCookieHeaders);

    /** Stores the cookies of every {@code Set-Cookie} field of {@code responseHeaders}. */
    default List<StoreOutcome> store(URI requestUrl, Headers responseHeaders) {
        return store(requestUrl, responseHeaders.all("Set-Cookie"));
    }

    /**
     * Returns the unexpired cookies to send to {@code requestUrl}, longest path first, then
     * earliest created (RFC 6265 §5.4), and marks them as accessed now.
     */
    List<Cookie> cookiesFor(URI requestUrl);

    /**
     * Returns the {@code Cookie} header value for {@code requestUrl}, e.g. {@code "a=1; b=2"}, or
     * empty when no cookie matches.
     */
    default Optional<String> cookieHeader(URI requestUrl) {
        List<Cookie> cookies = cookiesFor(requestUrl);
        return cookies.isEmpty() ? Optional.empty() : Optional.of(CookieHeader.render(cookies));
    }

    /**
     * Adds {@code cookie} as it is, replacing one with the same name, domain, host-only flag and
     * path; no Set-Cookie rule is applied. Returns the outcome (EXPIRED when it has expired).
     */
    StoreOutcome add(Cookie cookie);

    /** Removes the cookie with the name, domain, host-only flag and path of {@code cookie}; returns true if one was there. */
    boolean remove(Cookie cookie);

    /** Removes every expired cookie and returns how many there were. */
    int removeExpired();

    /** Removes every cookie. */
    void clear();

    /** Removes every session cookie (those without an expiry), as a browser does on exit; returns how many. */
    int clearSession();

    /** Returns every cookie in the jar, expired ones included, in the order they were first stored. */
    List<Cookie> all();
}
