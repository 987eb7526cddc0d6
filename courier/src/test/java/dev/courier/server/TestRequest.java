package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A {@link Request} held in memory, the way a connection loop would hand one to a handler. */
final class TestRequest implements Request {

    private final Method method;
    private final String path;
    private final String rawQuery;
    private final Headers headers;
    private final byte[] body;
    private final Map<String, Object> attributes = new HashMap<>();
    private boolean streamUsed;

    private TestRequest(Method method, String target, Headers headers, byte[] body) {
        this.method = method;
        int q = target.indexOf('?');
        this.path = q < 0 ? target : target.substring(0, q);
        this.rawQuery = q < 0 ? null : target.substring(q + 1);
        this.headers = headers;
        this.body = body;
    }

    static TestRequest of(Method method, String target) {
        return new TestRequest(method, target, Headers.empty(), new byte[0]);
    }

    static TestRequest get(String target) {
        return of(Method.GET, target);
    }

    static TestRequest of(Method method, String target, Headers headers, String body) {
        return new TestRequest(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static TestRequest withBody(Method method, String target, Headers headers, byte[] body) {
        return new TestRequest(method, target, headers, body);
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
            throw new IllegalStateException("body already consumed");
        }
        streamUsed = true;
        return new ByteArrayInputStream(body);
    }

    @Override
    public byte[] bodyBytes() {
        if (streamUsed) {
            throw new IllegalStateException("body already consumed as a stream");
        }
        return body.clone();
    }

    @Override
    public Form form() throws java.io.IOException {
        return FormReader.read(this, Long.MAX_VALUE, new java.util.ArrayList<>());
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
