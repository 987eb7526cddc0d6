package dev.courier.server;

import dev.courier.cookie.Cookie;
import dev.courier.cookie.MemoryCookieJar;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Drives a {@link Router} (or any {@link Handler}) in process, without a socket, like Flask's
 * {@code app.test_client()}: builds a request, calls the handler on the calling thread, and
 * returns the status, headers and body, keeping cookies between calls as a browser would.
 *
 * <pre>{@code
 * TestClient client = new TestClient(app);
 * String token = client.get("/form").text();
 * TestClient.Result r = client.postForm("/save", "_csrf", token, "title", "Hello");
 * assertEquals(303, r.status());
 * assertEquals("/items", r.header("Location"));
 * }</pre>
 *
 * <p>What differs from a real server: redirects are not followed (read {@code Location}); a
 * HEAD reply's body is dropped as the server would, but the server's own headers
 * ({@code Date}, {@code Content-Length}, {@code Connection}) are not added; the request comes
 * from {@code 127.0.0.1} over plain HTTP. Cookies are kept in a {@link MemoryCookieJar} as if
 * the app were {@code http://localhost/}, so host-only, path and expiry rules apply, and
 * {@code Secure} cookies are not sent back. Not safe for use by several threads at once.
 */
public final class TestClient {

    /** The URL the cookie jar believes it talks to; "localhost" so no public-suffix rule bites. */
    private static final URI ORIGIN = URI.create("http://localhost/");

    private final Handler handler;
    private final MemoryCookieJar cookies = MemoryCookieJar.builder().build();

    /** Returns a client for {@code handler}, usually a {@link Router}, with an empty cookie jar. */
    public TestClient(Handler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Returns the cookie jar this client keeps, e.g. to clear it or add a cookie. */
    public MemoryCookieJar cookies() {
        return cookies;
    }

    /** Returns the result of {@code GET target} (path and optional query, e.g. {@code /a?b=c}). */
    public Result get(String target) {
        return request(Method.GET, target, Headers.empty(), new byte[0]);
    }

    /**
     * Returns the result of POSTing an {@code application/x-www-form-urlencoded} body of the
     * given alternating names and values, e.g. {@code postForm("/login", "user", "ada")}.
     */
    public Result postForm(String target, String... namesAndValues) {
        return request(Method.POST, target, Headers.builder()
                .add("Content-Type", "application/x-www-form-urlencoded").build(), formBody(namesAndValues));
    }

    /**
     * Returns the result of a {@code method} request to {@code target} with {@code headers}
     * (a {@code Cookie} header is added from the jar) and {@code body}; a non-empty body gets a
     * {@code Content-Length} header.
     */
    public Result request(Method method, String target, Headers headers, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (target.isEmpty() || target.charAt(0) != '/') {
            throw new IllegalArgumentException("target must start with '/', got " + Escape.quote(target));
        }
        URI url = ORIGIN.resolve(target);
        Headers.Builder h = Headers.builder();
        h.addAll(headers);
        String cookieHeader = cookieHeader(cookies.cookiesFor(url));
        if (cookieHeader != null && headers.get("Cookie") == null) {
            h.add("Cookie", cookieHeader);
        }
        if (body.length > 0 && headers.get("Content-Length") == null) {
            h.add("Content-Length", Integer.toString(body.length));
        }
        InMemoryRequest request = new InMemoryRequest(method, target, h.build(), body,
                ServerLimits.DEFAULT_MAX_BODY_BYTES);
        try {
            Reply reply;
            try {
                reply = handler.handle(request);
            } catch (Exception e) {
                throw new IllegalStateException("handler threw for " + method.name() + " " + Escape.quote(target)
                        + "; a Router never does, wrap the handler in one", e);
            }
            if (reply.body() instanceof ReplyBody.Template t) {
                throw t.notRendered();
            }
            cookies.store(url, reply.headers().all("Set-Cookie"));
            byte[] bytes = method.equals(Method.HEAD) ? new byte[0] : bodyBytes(reply.body());
            return new Result(reply.status(), reply.headers(), bytes);
        } finally {
            for (AutoCloseable c : request.cleanup) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // temporary upload files; nothing a test could do about a failed delete
                }
            }
        }
    }

    private static String cookieHeader(List<Cookie> list) {
        if (list.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Cookie c : list) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.name()).append('=').append(c.value());
        }
        return sb.toString();
    }

    private static byte[] formBody(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("form needs names and values in pairs, got "
                    + namesAndValues.length + " strings");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Returns the bytes a server would send for {@code body}. */
    private static byte[] bodyBytes(ReplyBody body) {
        try {
            if (body instanceof ReplyBody.Bytes b) {
                return b.bytes().clone();
            }
            if (body instanceof ReplyBody.Stream s) {
                try (InputStream in = s.stream()) {
                    return in.readAllBytes();
                }
            }
            if (body instanceof ReplyBody.FileRegion f) {
                try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(Math.toIntExact(f.length()));
                    long pos = f.offset();
                    while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
                        // loop until the region is read or the file ends early
                    }
                    return buf.array();
                }
            }
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("reading the reply body failed: " + e.getMessage(), e);
        }
    }

    /** The status, headers and body of one reply, as a client would have received them. */
    public record Result(int status, Headers headers, byte[] body) {

        /** Returns the first value of header {@code name} (any case), or null. */
        public String header(String name) {
            return headers.get(name);
        }

        /** Returns the body decoded as UTF-8. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
