package dev.courier.testing;

import dev.courier.http.Headers;
import java.nio.charset.StandardCharsets;

/**
 * One request as {@link MockServer} received it, for assertions: method, target, headers, body
 * and the exact bytes of the head.
 *
 * <pre>{@code
 * RecordedRequest r = server.takeRequest(Duration.ofSeconds(1));
 * assertEquals("POST", r.method());
 * assertEquals("/users?page=2", r.target());
 * assertEquals("application/json", r.header("Content-Type"));
 * }</pre>
 */
public final class RecordedRequest {

    private final String method;
    private final String target;
    private final String version;
    private final Headers headers;
    private final byte[] body;
    private final byte[] rawHead;
    private final int sequenceNumber;
    private final int connectionIndex;

    RecordedRequest(String method, String target, String version, Headers headers, byte[] body, byte[] rawHead,
            int sequenceNumber, int connectionIndex) {
        this.method = method;
        this.target = target;
        this.version = version;
        this.headers = headers;
        this.body = body;
        this.rawHead = rawHead;
        this.sequenceNumber = sequenceNumber;
        this.connectionIndex = connectionIndex;
    }

    /** Returns the method as sent, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** Returns the request target as sent, e.g. {@code /search?q=a%20b}. */
    public String target() {
        return target;
    }

    /** Returns the path part of the target, without the query, still encoded. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Returns the HTTP version of the request line, e.g. {@code HTTP/1.1}. */
    public String version() {
        return version;
    }

    /** Returns the header fields in the order and spelling received. */
    public Headers headers() {
        return headers;
    }

    /** Returns the first value of header {@code name} (any case), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Returns a copy of the body, de-chunked when it was sent chunked; empty when there was none. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns a copy of the exact bytes of the request line and header section, final blank line included. */
    public byte[] rawHead() {
        return rawHead.clone();
    }

    /** Returns the index of this request among all the server received, from 0. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** Returns the index of the connection it came on, from 0: equal values mean a reused connection. */
    public int connectionIndex() {
        return connectionIndex;
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " (#" + sequenceNumber + " on connection " + connectionIndex + ")";
    }
}
