package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request held in memory, as {@link TestClient} hands it to a handler: no socket, a body of
 * known bytes, the loopback address as its peer.
 */
class InMemoryRequest implements Request {

    private final Method method;
    private final String path;
    private final String rawQuery;
    private final Headers headers;
    private final byte[] body;
    private final long maxFormBytes;
    private final Map<String, Object> attributes = new HashMap<>();
    /** Temporary files of a multipart form, closed by {@link TestClient} after the handler. */
    final List<AutoCloseable> cleanup = new ArrayList<>();
    private boolean streamUsed;
    private Form form;

    InMemoryRequest(Method method, String target, Headers headers, byte[] body, long maxFormBytes) {
        this.method = method;
        int q = target.indexOf('?');
        this.path = q < 0 ? target : target.substring(0, q);
        this.rawQuery = q < 0 ? null : target.substring(q + 1);
        this.headers = headers;
        this.body = body;
        this.maxFormBytes = maxFormBytes;
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public Map<String, String> pathParams() {
        return Map.of();
    }

    @Override
    public InputStream bodyStream() {
        if (streamUsed) {
            throw new IllegalStateException("request body already consumed");
        }
        streamUsed = true;
        return new ByteArrayInputStream(body);
    }

    @Override
    public byte[] bodyBytes() {
        if (streamUsed) {
            throw new IllegalStateException("request body already consumed as a stream");
        }
        return body.clone();
    }

    @Override
    public Form form() throws IOException {
        if (form == null) {
            form = FormReader.read(this, maxFormBytes, cleanup);
        }
        return form;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
