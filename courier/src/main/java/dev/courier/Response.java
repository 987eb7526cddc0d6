package dev.courier;

import dev.courier.client.ResponseBodyStream;
import dev.courier.client.TransportFailure;
import dev.courier.http.Headers;
import dev.courier.http.MediaType;
import dev.courier.http.Status;
import dev.courier.http.Url;
import dev.courier.json.Json;
import dev.courier.json.JsonMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The answer to a request: status, headers, final URL, the redirects that led there, and the
 * body read as bytes, text, JSON, a stream, lines or a file.
 *
 * <p>By default the body is already in memory when {@code send} returns. A request built with
 * {@code stream(true)} gets a response whose body is still on the connection: read it with
 * {@link #stream()}, {@link #lines()} or {@link #saveTo(Path)}; the connection goes back to the
 * pool when the body has been read to the end, and is closed if the response is closed before.
 * Use try-with-resources for streamed responses.
 */
public final class Response implements AutoCloseable {

    private final Request request;
    private final Status status;
    private final String reason;
    private final String version;
    private final Headers headers;
    private final String url;
    private final List<Response> history;
    private final Duration elapsed;
    private ResponseBodyStream body;
    private byte[] content;
    private boolean streamTaken;

    Response(Request request, Status status, String reason, String version, Headers headers, String url,
            List<Response> history, Duration elapsed, ResponseBodyStream body) {
        this.request = request;
        this.status = status;
        this.reason = reason;
        this.version = version;
        this.headers = headers;
        this.url = url;
        this.history = history.isEmpty() ? List.of() : List.copyOf(history);
        this.elapsed = elapsed;
        this.body = body;
    }

    /** Returns the HTTP version the server answered with, as on its status line: {@code "HTTP/1.1"} or {@code "HTTP/1.0"}. */
    public String version() {
        return version;
    }

    /** Returns the status, e.g. {@code Status.OK}; unknown codes work too. */
    public Status status() {
        return status;
    }

    /** Returns the numeric status code, e.g. 404. */
    public int statusCode() {
        return status.code();
    }

    /** Returns the reason phrase the server sent (may be empty or unusual). */
    public String reason() {
        return reason;
    }

    /** Returns the response header fields in wire order. */
    public Headers headers() {
        return headers;
    }

    /** Returns the first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Returns the URL this response came from, after any redirects. */
    public String url() {
        return url;
    }

    /** Returns the request this response answers (the original one, before redirects). */
    public Request request() {
        return request;
    }

    /** Returns the redirect responses that led here, oldest first; empty without redirects. */
    public List<Response> history() {
        return history;
    }

    /** Returns the time from sending this hop's request to receiving its response head. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Returns true when the status is below 400, as requests' {@code ok}. */
    public boolean ok() {
        return status.code() < 400;
    }

    /**
     * Returns this response when its status is below 400.
     *
     * @throws HttpStatusException for 4xx and 5xx, e.g. "404 Not Found for url http://..."
     */
    public Response raiseForStatus() {
        int code = status.code();
        if (code >= 400) {
            String kind = code < 500 ? "Client Error" : "Server Error";
            throw new HttpStatusException(code + " " + kind + ": " + (reason.isEmpty() ? status.reason() : reason)
                    + " for url " + url, request, this);
        }
        return this;
    }

    /**
     * Returns the body bytes (decoded from gzip/deflate unless the request asked for raw bytes),
     * reading them first when the response is streamed. The array is shared: do not modify it.
     */
    public synchronized byte[] bytes() {
        if (content == null) {
            if (streamTaken) {
                throw new IllegalStateException("the body was already consumed through stream()");
            }
            streamTaken = true;
            try (InputStream in = new Stream0()) {
                content = readAll(in, body == null ? 0 : body.expectedLength());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return content;
    }

    /** Reads {@code in} to its end into an array sized by {@code expected} when known (no 8 KiB chunks). */
    private static byte[] readAll(InputStream in, long expected) throws IOException {
        if (expected >= 0 && expected < Integer.MAX_VALUE - 8) {
            byte[] b = in.readNBytes((int) expected);
            if (b.length == expected && in.read() < 0) {
                return b;
            }
            throw new IOException("body length differs from its Content-Length of " + expected);
        }
        return in.readAllBytes();
    }

    /** Returns the body as text in {@link #encoding()}. */
    public String text() {
        return new String(bytes(), encoding());
    }

    /**
     * Returns the charset of the body: the {@code charset} parameter of Content-Type when it is
     * present and known to the JVM, else UTF-8. RFC 7231 Appendix B removed HTTP/1.1's old
     * ISO-8859-1 default for text/*, JSON is UTF-8 by RFC 8259 §8.1, and UTF-8 is what almost
     * every server means today; requests' {@code apparent_encoding} guessing is not done.
     */
    public Charset encoding() {
        String ct = headers.get("Content-Type");
        if (ct != null) {
            Optional<MediaType> mt = MediaType.tryParse(ct);
            if (mt.isPresent()) {
                try {
                    Optional<Charset> cs = mt.get().charset();
                    if (cs.isPresent()) {
                        return cs.get();
                    }
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Returns the body as a {@code type} via {@link JsonMapper#find()}; e.g. {@code json(User.class)}. */
    public <T> T json(Class<T> type) {
        return JsonMapper.find().read(bytes(), type);
    }

    /** Returns the body as a JSON tree: Map, List, String, Number, Boolean or null. */
    public Object json() {
        return Json.parse(bytes());
    }

    /**
     * Returns the body as a stream; for a streamed response, the bytes come straight off the
     * connection and can be taken once. Read failures throw the unchecked exceptions of this
     * package (e.g. {@link ReadTimeoutException}).
     */
    public synchronized InputStream stream() {
        if (content != null) {
            return new ByteArrayInputStream(content);
        }
        if (streamTaken) {
            throw new IllegalStateException("the body stream was already taken");
        }
        streamTaken = true;
        return new Stream0();
    }

    /** Returns the body's lines (LF or CRLF ends removed) in {@link #encoding()}; close the stream when done. */
    public Stream<String> lines() {
        BufferedReader r = new BufferedReader(new InputStreamReader(stream(), encoding()));
        return r.lines().onClose(() -> {
            try {
                r.close();
            } catch (IOException ignored) {
                // closing our own stream only releases the connection
            }
        });
    }

    /** Writes the body to {@code file} (replacing it), streaming, and returns {@code file}. */
    public Path saveTo(Path file) {
        try (InputStream in = stream(); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
        return file;
    }

    /** Returns the chunked trailer fields once the body has been read; empty otherwise. */
    public Headers trailers() {
        return body == null ? Headers.empty() : body.trailers();
    }

    /** Returns the links of the {@code Link} headers (RFC 8288), targets resolved against {@link #url()}. */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (Map<String, String> raw : LinkHeader.parse(headers.all("Link"))) {
            String target = raw.remove("");
            String resolved;
            try {
                resolved = Url.parse(url).resolve(target).toString();
            } catch (IllegalArgumentException e) {
                resolved = target;
            }
            out.add(new Link(resolved, raw.getOrDefault("rel", ""), raw));
        }
        return out;
    }

    /** Returns the first link whose rel list holds {@code rel}, e.g. {@code link("next")}. */
    public Optional<Link> link(String rel) {
        for (Link l : links()) {
            for (String r : l.rel().split(" ")) {
                if (r.equalsIgnoreCase(rel)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    /** Reads the whole body into memory now, so the connection is released; used for non-streamed requests. */
    void buffer() {
        bytes();
    }

    /** Releases the connection: back to the pool when the body was fully read, closed otherwise. */
    @Override
    public void close() {
        if (body != null) {
            body.close();
        }
    }

    @Override
    public String toString() {
        return "Response[" + status.code() + " " + reason + ", " + url + "]";
    }

    /** The body stream with transport failures turned into this package's exceptions. */
    private final class Stream0 extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (body == null) {
                return -1;
            }
            try {
                return body.read(b, off, len);
            } catch (TransportFailure f) {
                throw Failures.translate(f, request, Response.this);
            }
        }

        @Override
        public int available() {
            return body == null ? 0 : body.available();
        }

        @Override
        public void close() {
            Response.this.close();
        }
    }
}
