package dev.courier.server;

import dev.courier.cookie.CookieHeader;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.json.JsonException;
import dev.courier.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a handler sees it: method, target, headers, body, path parameters and
 * per-request attributes.
 *
 * <pre>{@code
 * router.get("/users/{id}", req -> {
 *     long id = req.pathParamLong("id");          // 400 if "id" is not a number
 *     String agent = req.header("User-Agent");     // null when absent
 *     return Reply.text("user " + id);
 * });
 * }</pre>
 *
 * <p>The server's connection loop implements this interface; the {@link Router} hands each
 * handler a view that adds the matched path parameters. A request belongs to one thread and is
 * valid only until its handler returns.
 */
public interface Request {

    /** Returns the request method, e.g. {@link Method#GET}. */
    Method method();

    /**
     * Returns the path of the request target as received, still percent-encoded and without the
     * query, e.g. {@code /files/a%20b.txt}; {@code *} for {@code OPTIONS *}. Decoded values come
     * from {@link #pathParam}.
     */
    String path();

    /**
     * Returns the query as received, without the {@code ?} and still encoded, e.g.
     * {@code q=caf%C3%A9&page=2}; null when the target has no {@code ?}, empty when it ends
     * with one.
     */
    String rawQuery();

    /** Returns the request's header fields. */
    Headers headers();

    /** Returns the first value of header {@code name} (any case), or null when absent. */
    default String header(String name) {
        return headers().get(name);
    }

    /**
     * Returns the path parameters of the matched route, decoded, in pattern order: for
     * {@code /users/{id}} and {@code /users/7}, {@code {id=7}}. Empty outside a router.
     */
    Map<String, String> pathParams();

    /**
     * Returns the decoded path parameter {@code name}; for a catch-all {@code {path...}} the
     * decoded segments joined by {@code /}.
     *
     * @throws IllegalArgumentException if the route has no parameter {@code name} (a mistake in
     *     the code, so it becomes a 500)
     */
    default String pathParam(String name) {
        Map<String, String> params = pathParams();
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no path parameter " + Escape.quote(name)
                    + " in this route; it has " + params.keySet());
        }
        return v;
    }

    /**
     * Returns path parameter {@code name} as an int, e.g. 42 for {@code "42"} or {@code "-7"}.
     *
     * @throws AbortException 400 naming the parameter and quoting the value when it is not a
     *     decimal int
     */
    default int pathParamInt(String name) {
        String v = pathParam(name);
        long parsed = DecimalParam.parse(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
        return (int) parsed;
    }

    /**
     * Returns path parameter {@code name} as a long.
     *
     * @throws AbortException 400 naming the parameter and quoting the value when it is not a
     *     decimal long
     */
    default long pathParamLong(String name) {
        return DecimalParam.parse(name, pathParam(name), Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    /**
     * Returns the body as a stream, read at most once; empty for a request without content. The
     * server enforces its body-size limit while it is read (413).
     *
     * @throws IllegalStateException if the body was already consumed by another accessor
     */
    InputStream bodyStream();

    /**
     * Returns the whole body; repeated calls return the same bytes.
     *
     * @throws IOException if reading the body fails
     * @throws IllegalStateException if {@link #bodyStream()} was already used
     */
    byte[] bodyBytes() throws IOException;

    /**
     * Returns the body decoded with the {@code charset} parameter of {@code Content-Type}, or
     * UTF-8 when there is none or it is not supported by the JVM.
     *
     * @throws IOException if reading the body fails
     */
    default String bodyText() throws IOException {
        return bodyText(ContentTypes.charsetOf(header("Content-Type")));
    }

    /**
     * Returns the body decoded with {@code charset}; malformed input becomes U+FFFD.
     *
     * @throws IOException if reading the body fails
     */
    default String bodyText(Charset charset) throws IOException {
        return new String(bodyBytes(), charset);
    }

    /**
     * Returns the query parameters, decoded ({@code +} is a space), name to values in the order
     * sent: for {@code ?tag=a&tag=b&q=x}, {@code {tag=[a, b], q=[x]}}. Empty without a query.
     *
     * @throws AbortException 400 when the query has more fields than the form limit
     */
    default Map<String, List<String>> queryParams() {
        return FormReader.query(rawQuery());
    }

    /** Returns the first value of query parameter {@code name}, decoded, or null when absent. */
    default String query(String name) {
        List<String> v = queryParams().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns every value of query parameter {@code name} in order; empty when absent. */
    default List<String> queryAll(String name) {
        return queryParams().getOrDefault(name, List.of());
    }

    /**
     * Returns the cookies the client sent, name to value; when a name repeats, the first one
     * wins (browsers send the most specific first, RFC 6265 §5.4). Empty without a
     * {@code Cookie} header.
     */
    default Map<String, String> cookies() {
        List<String> fields = headers().all("Cookie");
        if (fields.isEmpty()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String field : fields) {
            for (CookieHeader.Pair p : CookieHeader.parse(field)) {
                m.putIfAbsent(p.name(), p.value());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Returns the value of cookie {@code name}, or null when the client did not send it. */
    default String cookie(String name) {
        return cookies().get(name);
    }

    /**
     * Returns the body read as JSON into a {@code type}, using {@link JsonMapper#find()}: e.g.
     * {@code req.json(Map.class)}, or a class of your own when Jackson is present.
     *
     * @throws AbortException 400 when the body is not JSON or does not fit {@code type}
     * @throws IOException if reading the body fails
     */
    default <T> T json(Class<T> type) throws IOException {
        byte[] body = bodyBytes();
        try {
            return JsonMapper.find().read(body, type);
        } catch (JsonException e) {
            throw new AbortException(400, "request body is not valid JSON for " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    /**
     * Returns the form in the body, urlencoded or multipart; read once and kept. Uploaded files
     * that spilled to disk are deleted when the request ends.
     *
     * @throws AbortException 415 for another content type, 400 when malformed, 413 when
     *     too large
     * @throws IOException if reading the body fails
     */
    Form form() throws IOException;

    /** Returns true when the request came over TLS. */
    default boolean isSecure() {
        return false;
    }

    /**
     * Returns the certificate chain the client presented over TLS, its own first; empty for
     * plain connections or when the client sent none.
     */
    default List<Certificate> peerCertificates() {
        return List.of();
    }

    /** Returns the address of the client (the peer of the connection, not a proxy header). */
    InetSocketAddress remoteAddress();

    /**
     * Returns the mutable map of attributes of this request, where filters leave values for
     * handlers, e.g. {@code req.attributes().put("user", user)} in an auth filter. Starts empty.
     */
    Map<String, Object> attributes();

    /**
     * Returns this request's session, e.g. {@code req.session().get("user", String.class)};
     * the same as {@link WebSession#of(Request)}.
     *
     * @throws IllegalStateException when no {@link SessionFilter} or {@link SignedCookieSessions}
     *     filter ran for this request
     */
    default WebSession session() {
        return WebSession.of(this);
    }

    /**
     * Adds {@code message} to the flash messages shown once on the next page; the same as
     * {@link Flash#add(Request, String)}.
     *
     * @throws IllegalStateException when no session filter ran for this request
     */
    default void flash(String message) {
        Flash.add(this, message);
    }
}
