package dev.courier;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.multipart.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the user asks for: method, URL (absolute, or relative to the session's base URL), extra
 * headers, query parameters, body, credentials and per-request options. The session merges it
 * with its own settings into the exact bytes sent; this object stays as written.
 *
 * <pre>{@code
 * Request r = Request.builder(Method.POST, "https://api.example.com/users")
 *         .header("X-Trace", "1")
 *         .param("dry_run", "true")
 *         .body(Body.json(Map.of("name", "Ada")))
 *         .build();
 * Response res = session.send(r);
 * }</pre>
 *
 * <p>A header name or value with CR, LF or NUL, or a method that is not a token, is refused
 * by the builder with {@link IllegalArgumentException}, so it can never reach the wire.
 */
public final class Request {

    private final Method method;
    private final String url;
    private final Headers headers;
    private final List<String> removedHeaders;
    private final List<Map.Entry<String, String>> params;
    private final Body body;
    private final Auth auth;
    private final boolean stream;
    private final boolean decompress;
    private final boolean expectContinue;
    private final Boolean followRedirects;
    private final ProgressListener uploadProgress;

    private Request(Builder b) {
        this.method = b.method;
        this.url = b.url;
        this.headers = b.headers.build();
        this.removedHeaders = List.copyOf(b.removedHeaders);
        this.params = List.copyOf(b.params);
        this.body = b.body;
        this.auth = b.auth;
        this.stream = b.stream;
        this.decompress = b.decompress;
        this.expectContinue = b.expectContinue;
        this.followRedirects = b.followRedirects;
        this.uploadProgress = b.uploadProgress;
    }

    /** Returns a builder for a request of {@code method} to {@code url}. */
    public static Builder builder(Method method, String url) {
        return new Builder(method, url, null);
    }

    /** Returns a builder holding this request's parts, for a changed copy. */
    public Builder newBuilder() {
        Builder b = new Builder(method, url, null);
        b.headers = headers.newBuilder();
        b.removedHeaders.addAll(removedHeaders);
        b.params.addAll(params);
        b.body = body;
        b.auth = auth;
        b.stream = stream;
        b.decompress = decompress;
        b.expectContinue = expectContinue;
        b.followRedirects = followRedirects;
        b.uploadProgress = uploadProgress;
        return b;
    }

    /** Returns the method. */
    public Method method() {
        return method;
    }

    /** Returns the URL as given (maybe relative to the session's base URL). */
    public String url() {
        return url;
    }

    /** Returns the headers given for this request (session defaults not included). */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns the names of the session's and the default header fields this request does not
     * send (see {@link Builder#removeHeader}), in the order given.
     */
    public List<String> removedHeaders() {
        return removedHeaders;
    }

    /** Returns the query parameters to append, in order. */
    public List<Map.Entry<String, String>> params() {
        return params;
    }

    /** Returns the body, or null. */
    public Body body() {
        return body;
    }

    /** Returns the credentials for this request, or null to use the URL's or the session's. */
    public Auth auth() {
        return auth;
    }

    /** Returns true when the response body is read lazily (see {@link Builder#stream(boolean)}). */
    public boolean isStream() {
        return stream;
    }

    /** Returns true when gzip and deflate responses are decoded (the default). */
    public boolean decompress() {
        return decompress;
    }

    /** Returns true when the request waits for {@code 100 Continue} before sending its body. */
    public boolean expectContinue() {
        return expectContinue;
    }

    /** Returns the upload progress listener, or null. */
    public ProgressListener uploadProgress() {
        return uploadProgress;
    }

    /** Returns whether to follow redirects, or null for the session's policy. */
    Boolean followRedirects() {
        return followRedirects;
    }

    @Override
    public String toString() {
        return method + " " + url;
    }

    /** A builder of {@link Request}; when made by {@link Session#request}, {@link #send()} sends it. */
    public static final class Builder {
        private final Method method;
        private final String url;
        private final Session session;
        private Headers.Builder headers = Headers.builder();
        private final List<String> removedHeaders = new ArrayList<>();
        private final List<Map.Entry<String, String>> params = new ArrayList<>();
        private Body body;
        private Auth auth;
        private boolean stream;
        private boolean decompress = true;
        private boolean expectContinue;
        private Boolean followRedirects;
        private ProgressListener uploadProgress;

        Builder(Method method, String url, Session session) {
            if (method == null || url == null) {
                throw new IllegalArgumentException("method and url must not be null");
            }
            this.method = method;
            this.url = url;
            this.session = session;
        }

        /** Adds a header field; one already set by the session with that name is replaced. */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Leaves out the field {@code name} (any case) that the session or the defaults would
         * send, such as {@code User-Agent}, {@code Accept}, {@code Accept-Encoding} or a
         * {@code Session.builder().header(...)}, as requests does for a header set to None. Fields
         * of this name added to this builder so far are dropped too; one added afterwards is sent.
         * Fields decided per hop are not affected: Host, Content-Length and Transfer-Encoding,
         * the Authorization of an {@link #auth} or the session's, and the jar's Cookie.
         */
        public Builder removeHeader(String name) {
            Headers.of(name, ""); // validates the name as a header would, with the same message
            headers.removeAll(name);
            removedHeaders.add(name);
            return this;
        }

        /** Adds every field of {@code more}. */
        public Builder headers(Headers more) {
            headers.addAll(more);
            return this;
        }

        /** Appends a query parameter after those in the URL. */
        public Builder param(String name, String value) {
            params.add(Map.entry(name, value));
            return this;
        }

        /** Appends alternating names and values as query parameters. */
        public Builder params(String... namesAndValues) {
            if (namesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("params need names and values in pairs, got "
                        + namesAndValues.length + " strings");
            }
            for (int i = 0; i < namesAndValues.length; i += 2) {
                param(namesAndValues[i], namesAndValues[i + 1]);
            }
            return this;
        }

        /** Sets the body. */
        public Builder body(Body body) {
            this.body = body;
            return this;
        }

        /** Sets credentials for this request, overriding the URL's and the session's. */
        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        /**
         * With true, {@link Session#send} returns once the head has arrived and the body is read
         * through {@link Response#stream()}, {@link Response#lines()} or
         * {@link Response#saveTo}; close the response to release the connection. With false
         * (the default) the body is read into memory before send returns.
         */
        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /** With false, gzip/deflate bodies are returned as sent (raw bytes); default true. */
        public Builder decompress(boolean decompress) {
            this.decompress = decompress;
            return this;
        }

        /**
         * With true, sends {@code Expect: 100-continue} and waits up to 1 s for the server's
         * interim answer before the body (RFC 9110 §10.1.1); a final answer instead saves
         * sending a large body that would be refused.
         */
        public Builder expectContinue(boolean expectContinue) {
            this.expectContinue = expectContinue;
            return this;
        }

        /** Overrides the session's redirect policy for this request. */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Reports the body bytes written so far and the total (-1 when chunked) after each write,
         * e.g. {@code .onUploadProgress((sent, total) -> bar.update(sent, total))}.
         */
        public Builder onUploadProgress(ProgressListener listener) {
            this.uploadProgress = listener;
            return this;
        }

        /** Returns the immutable request. */
        public Request build() {
            return new Request(this);
        }

        /**
         * Sends the request with the session that made this builder.
         *
         * @throws IllegalStateException if the builder came from {@link Request#builder}
         */
        public Response send() {
            if (session == null) {
                throw new IllegalStateException("this builder has no session; use session.send(builder.build())");
            }
            return session.send(build());
        }
    }
}
