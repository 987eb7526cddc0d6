package dev.courier.server;

import dev.courier.cookie.SetCookie;
import dev.courier.http.Headers;
import dev.courier.json.JsonMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable HTTP response as a handler returns it: a status, header fields and a
 * {@link ReplyBody}.
 *
 * <pre>{@code
 * Reply.text("hello");                                  // 200 text/plain; charset=utf-8
 * Reply.redirect("/login");                             // 302 Location: /login
 * Reply.builder(201).header("Location", "/users/7").build();
 * Reply.html("<p>gone</p>").withStatus(410);
 * Reply.render("items.html", Map.of("items", items));   // rendered by the router's template engine
 * }</pre>
 *
 * <p>The server adds {@code Date} and the framing ({@code Content-Length} or chunked) from the
 * body, so a reply may not carry {@code Content-Length} or {@code Transfer-Encoding} itself; a
 * HEAD request gets the same headers with the body left out. Status codes are plain ints from
 * 200 to 599 (interim 1xx responses are the server's business, not a handler's); 204 and 304
 * carry no body (RFC 9110 §15.3.5, §15.4.5).
 */
public final class Reply {

    static final String TEXT_UTF8 = "text/plain; charset=utf-8";
    static final String HTML_UTF8 = "text/html; charset=utf-8";

    private final int status;
    private final Headers headers;
    private final ReplyBody body;

    private Reply(Builder b) {
        this.status = b.status;
        this.headers = b.headers.build();
        this.body = b.body;
    }

    /** Returns a 200 reply with {@code text} as a UTF-8 {@code text/plain} body. */
    public static Reply text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8), TEXT_UTF8);
    }

    /**
     * Returns a 200 {@code application/json} reply with {@code value} written by
     * {@link JsonMapper#find()}, e.g. {@code Reply.json(Map.of("id", 7))}.
     *
     * @throws dev.courier.json.JsonException if the mapper cannot write {@code value}
     */
    public static Reply json(Object value) {
        return bytes(JsonMapper.find().write(value), "application/json");
    }

    /** Returns a 200 reply with {@code html} as a UTF-8 {@code text/html} body. */
    public static Reply html(String html) {
        return bytes(html.getBytes(StandardCharsets.UTF_8), HTML_UTF8);
    }

    /**
     * Returns a 200 reply of template {@code template} rendered with {@code model}, like Flask's
     * {@code render_template}: {@code Reply.render("items.html", Map.of("items", items))}.
     *
     * <p>The rendering is deferred: the {@link Router} does it with the engine given to
     * {@link Router#templates(TemplateEngine)} once the handler (or an error handler) returns,
     * before the after filters run, with the request added to the model under
     * {@link TemplateEngine#REQUEST}, so template functions can reach the session and what they
     * change in it is saved. {@code Content-Type} comes from
     * {@link TemplateEngine#contentType(String)} unless the reply sets one; status, headers and
     * cookies set on this reply are kept, e.g. {@code Reply.render("form.html", m).withStatus(422)}.
     * A failing template becomes a 500 (see {@link RenderException}); a router without an engine
     * answers 500 and logs an {@link IllegalStateException} saying to call
     * {@code router.templates(...)}. The model is copied; its values may be null.
     *
     * @throws IllegalArgumentException for an empty template name
     */
    public static Reply render(String template, Map<String, ?> model) {
        return builder(200).body(new ReplyBody.Template(template, model)).build();
    }

    /** Returns a 200 reply of template {@code template} rendered with an empty model; see {@link #render(String, Map)}. */
    public static Reply render(String template) {
        return render(template, Map.of());
    }

    /**
     * Returns a 200 reply with {@code bytes} as the body and the given {@code Content-Type}, e.g.
     * {@code Reply.bytes(png, "image/png")}. The array is not copied; do not change it afterwards.
     */
    public static Reply bytes(byte[] bytes, String contentType) {
        return builder(200).contentType(contentType).body(bytes).build();
    }

    /**
     * Returns a 200 reply streaming {@code in} (closed by the server when sent), with
     * {@code length} bytes or {@code -1} when unknown (then sent chunked).
     */
    public static Reply stream(InputStream in, long length, String contentType) {
        return builder(200).contentType(contentType).body(in, length).build();
    }

    /**
     * Returns a 200 reply sending the whole of {@code file}, whose size is {@code length}; for
     * files under a web root with caching and ranges use {@link StaticFiles}.
     */
    public static Reply file(Path file, long length, String contentType) {
        return builder(200).contentType(contentType).body(file, 0, length).build();
    }

    /** Returns a reply with {@code status} and no body, e.g. {@code Reply.status(401)}. */
    public static Reply status(int status) {
        return builder(status).build();
    }

    /** Returns a 204 No Content reply. */
    public static Reply noContent() {
        return builder(204).build();
    }

    /** Returns a 302 Found redirect to {@code location} (an absolute URL or a reference). */
    public static Reply redirect(String location) {
        return redirect(location, 302);
    }

    /**
     * Returns a redirect to {@code location} with {@code status}: 301 (moved permanently), 302
     * (found), 303 (see other: follow with GET), 307 or 308 (temporary or permanent, same method
     * and body).
     *
     * @throws IllegalArgumentException for any other status, or an empty location
     */
    public static Reply redirect(String location, int status) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException(
                    "redirect status must be 301, 302, 303, 307 or 308, got " + status);
        }
        if (location == null || location.isEmpty()) {
            throw new IllegalArgumentException("redirect location is empty");
        }
        return builder(status).header("Location", location).build();
    }

    /** Returns a new builder with {@code status}, no headers and an empty body. */
    public static Builder builder(int status) {
        return new Builder().status(status);
    }

    /** Returns a builder holding this reply's status, headers and body, for a changed copy. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.headers = headers.newBuilder();
        b.body = body;
        return b;
    }

    /** Returns a copy of this reply with {@code status} instead, e.g. an HTML page as a 404. */
    public Reply withStatus(int status) {
        return newBuilder().status(status).build();
    }

    /** Returns a copy of this reply that also sets {@code cookie}. */
    public Reply withCookie(SetCookie cookie) {
        return newBuilder().cookie(cookie).build();
    }

    /** Returns a copy of this reply with one more header field {@code name: value}. */
    public Reply withHeader(String name, String value) {
        return newBuilder().header(name, value).build();
    }

    /** Returns the status code, e.g. 200. */
    public int status() {
        return status;
    }

    /** Returns the header fields set by the handler (without {@code Date} or framing). */
    public Headers headers() {
        return headers;
    }

    /** Returns the first value of header {@code name} (any case), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Returns the body; {@link ReplyBody#empty()} when there is none. */
    public ReplyBody body() {
        return body;
    }

    /** Returns e.g. {@code Reply{200, text/plain; charset=utf-8, bytes(5)}}, for debugging. */
    @Override
    public String toString() {
        return "Reply{" + status + ", " + headers.getOrDefault("Content-Type", "no type") + ", " + body + "}";
    }

    /** A mutable, validating builder of {@link Reply}. Not thread-safe. */
    public static final class Builder {
        private int status = 200;
        private Headers.Builder headers = Headers.builder();
        private ReplyBody body = ReplyBody.empty();

        private Builder() {
        }

        /**
         * Sets the status.
         *
         * @throws IllegalArgumentException unless 200 &lt;= status &lt;= 599
         */
        public Builder status(int status) {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("reply status must be 200..599, got " + status
                        + (status >= 100 && status < 200 ? " (1xx responses are sent by the server itself)" : ""));
            }
            this.status = status;
            return this;
        }

        /**
         * Adds the header field {@code name: value}, keeping earlier ones of the same name.
         *
         * @throws IllegalArgumentException for an invalid name or value (CR, LF, NUL ...), or
         *     for {@code Content-Length} and {@code Transfer-Encoding}, which the server derives
         *     from the body
         */
        public Builder header(String name, String value) {
            checkNotFraming(name);
            headers.add(name, value);
            return this;
        }

        /** Replaces every field called {@code name} with {@code name: value}; same checks as {@link #header}. */
        public Builder setHeader(String name, String value) {
            checkNotFraming(name);
            headers.set(name, value);
            return this;
        }

        /** Removes every field called {@code name} (any case). */
        public Builder removeHeader(String name) {
            headers.removeAll(name);
            return this;
        }

        /** Sets {@code Content-Type}, e.g. {@code "application/json"}. */
        public Builder contentType(String contentType) {
            return setHeader("Content-Type", contentType);
        }

        /**
         * Adds a {@code Set-Cookie} field with {@code setCookie} as its value, e.g.
         * {@code "sid=31d4; Path=/; Secure; HttpOnly"}; each call adds one cookie (RFC 6265 §3:
         * cookies are never folded into one field).
         */
        public Builder cookie(String setCookie) {
            headers.add("Set-Cookie", setCookie);
            return this;
        }

        /** Adds a {@code Set-Cookie} field for {@code cookie}, e.g. one built with {@code SetCookie.builder("sid", v)}. */
        public Builder cookie(SetCookie cookie) {
            headers.add("Set-Cookie", cookie.headerValue());
            return this;
        }

        /** Sets the body to {@code bytes} (not copied). */
        public Builder body(byte[] bytes) {
            this.body = new ReplyBody.Bytes(bytes);
            return this;
        }

        /** Sets the body to the stream {@code in} of {@code length} bytes, or -1 when unknown. */
        public Builder body(InputStream in, long length) {
            this.body = new ReplyBody.Stream(in, length);
            return this;
        }

        /** Sets the body to {@code length} bytes of {@code file} from {@code offset}. */
        public Builder body(Path file, long offset, long length) {
            this.body = new ReplyBody.FileRegion(file, offset, length);
            return this;
        }

        /** Sets the body to {@code body}. */
        public Builder body(ReplyBody body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** Removes the body. */
        public Builder noBody() {
            this.body = ReplyBody.empty();
            return this;
        }

        /**
         * Returns the reply.
         *
         * @throws IllegalStateException for a body on a 204 or 304 reply, which must not have
         *     one (RFC 9110 §15.3.5, §15.4.5)
         */
        public Reply build() {
            if ((status == 204 || status == 304) && !(body instanceof ReplyBody.Empty)) {
                throw new IllegalStateException("a " + status + " reply cannot have a body, got " + body
                        + "; use noBody() or another status");
            }
            return new Reply(this);
        }

        private static void checkNotFraming(String name) {
            if ("Content-Length".equalsIgnoreCase(name) || "Transfer-Encoding".equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("header " + Escape.quote(name)
                        + " is set by the server from the body; give the length with body(stream, length)"
                        + " or body(file, offset, length) instead");
            }
        }
    }
}
