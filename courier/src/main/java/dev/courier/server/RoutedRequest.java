package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;

/** The request a routed handler sees: the server's request plus the matched path parameters. */
final class RoutedRequest implements Request {

    private final Request delegate;
    private final Map<String, String> params;

    RoutedRequest(Request delegate, Map<String, String> params) {
        this.delegate = delegate;
        this.params = params;
    }

    @Override
    public Method method() {
        return delegate.method();
    }

    @Override
    public String path() {
        return delegate.path();
    }

    @Override
    public String rawQuery() {
        return delegate.rawQuery();
    }

    @Override
    public Headers headers() {
        return delegate.headers();
    }

    @Override
    public Map<String, String> pathParams() {
        return params;
    }

    @Override
    public InputStream bodyStream() {
        return delegate.bodyStream();
    }

    @Override
    public byte[] bodyBytes() throws IOException {
        return delegate.bodyBytes();
    }

    @Override
    public String bodyText() throws IOException {
        return delegate.bodyText();
    }

    @Override
    public String bodyText(Charset charset) throws IOException {
        return delegate.bodyText(charset);
    }

    @Override
    public Form form() throws IOException {
        return delegate.form();
    }

    @Override
    public boolean isSecure() {
        return delegate.isSecure();
    }

    @Override
    public List<Certificate> peerCertificates() {
        return delegate.peerCertificates();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return delegate.remoteAddress();
    }

    @Override
    public Map<String, Object> attributes() {
        return delegate.attributes();
    }

    @Override
    public String toString() {
        return delegate + " " + params;
    }
}
