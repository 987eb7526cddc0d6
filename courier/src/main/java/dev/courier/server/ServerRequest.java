package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.wire.HttpVersion;
import dev.courier.wire.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Request} the connection loop hands to the handler: the parsed head, the body as a
 * {@link RequestBody} on the connection, and the transport's address and TLS details.
 *
 * <p>Lives for one exchange; {@link #close()} deletes the form's temporary files.
 */
final class ServerRequest implements Request, AutoCloseable {

    private final RequestHead head;
    private final String path;
    private final String rawQuery;
    private final RequestBody body;
    private final Transport transport;
    private final long maxBodyBytes;
    /** Made on first use: most requests never have attributes or temporary files. */
    private Map<String, Object> attributes;
    private List<AutoCloseable> cleanup;
    private Map<String, List<String>> query;
    private byte[] bytes;
    private Form form;
    private boolean streamGiven;

    ServerRequest(RequestHead head, RequestBody body, Transport transport, long maxBodyBytes) {
        this.head = head;
        String target = originForm(head.target());
        int q = target.indexOf('?');
        this.path = q < 0 ? target : target.substring(0, q);
        this.rawQuery = q < 0 ? null : target.substring(q + 1);
        this.body = body;
        this.transport = transport;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Returns the origin-form of {@code target}: the path and query of an absolute-form target
     * ({@code http://h/p?q} becomes {@code /p?q}), which servers must accept (RFC 9112 §3.2.2).
     */
    static String originForm(String target) {
        int scheme = target.indexOf("://");
        if (target.isEmpty() || target.charAt(0) == '/' || scheme <= 0 || target.indexOf('/') < scheme) {
            return target;
        }
        int slash = target.indexOf('/', scheme + 3);
        int query = target.indexOf('?', scheme + 3);
        if (slash < 0 || (query >= 0 && query < slash)) {
            return query < 0 ? "/" : "/" + target.substring(query);
        }
        return target.substring(slash);
    }

    RequestHead head() {
        return head;
    }

    HttpVersion version() {
        return head.version();
    }

    RequestBody body() {
        return body;
    }

    @Override
    public Method method() {
        return head.method();
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
        return head.headers();
    }

    @Override
    public Map<String, String> pathParams() {
        return Map.of();
    }

    @Override
    public Map<String, List<String>> queryParams() {
        if (query == null) {
            query = FormReader.query(rawQuery);
        }
        return query;
    }

    @Override
    public InputStream bodyStream() {
        if (streamGiven || bytes != null) {
            throw new IllegalStateException("the request body was already read"
                    + (bytes != null ? " with bodyBytes(), bodyText(), json() or form(); use bodyBytes() again" : " as a stream"));
        }
        streamGiven = true;
        return body;
    }

    @Override
    public byte[] bodyBytes() throws IOException {
        if (bytes == null) {
            if (streamGiven) {
                throw new IllegalStateException("the request body was already read as a stream");
            }
            streamGiven = true;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            // Bounded by the body limit, which RequestBody enforces.
            for (int n; (n = body.read(buf, 0, buf.length)) >= 0; ) {
                out.write(buf, 0, n);
            }
            bytes = out.toByteArray();
            streamGiven = false;
        }
        return bytes;
    }

    @Override
    public Form form() throws IOException {
        if (form == null) {
            if (cleanup == null) {
                cleanup = new ArrayList<>();
            }
            form = FormReader.read(this, maxBodyBytes, cleanup);
        }
        return form;
    }

    @Override
    public boolean isSecure() {
        return transport.isSecure();
    }

    @Override
    public List<Certificate> peerCertificates() {
        return transport.peerCertificates();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    @Override
    public Map<String, Object> attributes() {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        return attributes;
    }

    /** Deletes what the request left behind (multipart temporary files). */
    @Override
    public void close() {
        if (cleanup == null) {
            return;
        }
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception ignored) {
                // A temporary file that cannot be deleted is the operating system's to clean.
            }
        }
        cleanup.clear();
    }

    @Override
    public String toString() {
        return head.method() + " " + head.target() + " " + head.version();
    }
}
