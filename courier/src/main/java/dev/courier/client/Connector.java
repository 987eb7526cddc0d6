package dev.courier.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.wire.HeadParser;
import dev.courier.wire.HeadWriter;
import dev.courier.wire.HttpParseException;
import dev.courier.wire.RequestHead;
import dev.courier.wire.ResponseHead;
import dev.courier.wire.WireLimits;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens connections: TCP with a connect timeout, then for https a TLS handshake with host name
 * verification (RFC 9110 §4.3.4) and SNI, turning each common failure into a sentence. With an
 * HTTP proxy, TCP goes to the proxy; https then asks it for a {@code CONNECT} tunnel before the
 * handshake, and plain http connections are marked to send absolute-form requests.
 */
final class Connector {

    private final TlsConfig tls;
    private final WireTap tap;
    private final WireLimits limits;
    /** The HTTP proxy, or null. */
    private final ProxySettings proxy;

    Connector(TlsConfig tls, WireTap tap, WireLimits limits, ProxySettings proxy) {
        this.tls = tls;
        this.tap = tap;
        this.limits = limits;
        this.proxy = proxy;
    }

    Connection open(Origin origin, int connectTimeoutMillis, Deadline deadline) throws TransportFailure {
        deadline.check(false);
        ProxySettings via = proxy != null && proxy.appliesTo(origin.host()) ? proxy : null;
        String host = via != null ? via.host() : origin.host();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false, via != null
                    ? "cannot resolve the proxy's host " + host + ": check Session.builder().proxy(...)"
                    : "cannot resolve host " + host + ": check the spelling of the URL", e);
        }
        // Try each address in the resolver's order (e.g. ::1 then 127.0.0.1 for localhost).
        TransportFailure last = null;
        for (InetAddress address : addresses) {
            try {
                InetSocketAddress to = new InetSocketAddress(address, via != null ? via.port() : origin.port());
                return connect(origin, via, to, connectTimeoutMillis, deadline);
            } catch (TransportFailure f) {
                // Only a failed TCP connect (an I/O cause) moves on to the next address; a proxy's
                // answer to CONNECT would be the same from each of its addresses.
                if (f.kind() != TransportFailure.Kind.CONNECT_FAILED || !(f.getCause() instanceof IOException)) {
                    throw f;
                }
                last = f;
            }
        }
        throw last;
    }

    private Connection connect(Origin origin, ProxySettings via, InetSocketAddress address, int connectTimeoutMillis,
            Deadline deadline) throws TransportFailure {
        deadline.check(false);
        int timeout = deadline.bound(connectTimeoutMillis);
        SocketChannel channel = null;
        Socket socket = null;
        try {
            Socket tcp;
            if (origin.isTls()) {
                // TLS is layered over a socket of our own, which the I/O watchdog can close
                // without waiting for the TLS layer's locks (see Connection.abort).
                tcp = new Socket();
                socket = tcp;
            } else {
                channel = SocketChannel.open();
                tcp = channel.socket();
                socket = tcp;
            }
            tcp.setTcpNoDelay(true);
            tcp.connect(address, timeout);
            if (origin.isTls()) {
                if (via != null) {
                    tunnel(origin, via, tcp, timeout);
                }
                socket = tls.factory().createSocket(tcp, origin.host(), origin.port(), true);
                socket = handshake(origin, socket, timeout);
            }
            return new Connection(origin, socket, tcp, channel, tap, limits, origin.isTls() ? null : via);
        } catch (TransportFailure e) {
            closeQuietly(socket);
            throw e;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            if (deadline.isSet() && !deadline.stepIsTighter(connectTimeoutMillis)) {
                throw deadline.expired(false);
            }
            throw new TransportFailure(TransportFailure.Kind.CONNECT_TIMEOUT, false, "connecting to " + origin
                    + " took longer than the connect timeout of " + connectTimeoutMillis
                    + " ms; raise it with Session.builder().connectTimeout(...)", e);
        } catch (SSLException e) {
            closeQuietly(socket);
            throw new TransportFailure(TransportFailure.Kind.TLS, false, explain(origin, e), e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false, via != null
                    ? "cannot connect to the proxy " + via + " (" + e.getMessage() + "): is it running on that port?"
                    : "cannot connect to " + origin + " (" + e.getMessage() + "): is the server running on that port?", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false,
                    "cannot connect to " + origin + ": " + e, e);
        }
    }

    /**
     * Asks the proxy for a tunnel to {@code origin} (RFC 9110 §9.3.6) and reads its answer without
     * reading past it: after a 2xx the bytes that follow belong to the TLS handshake.
     */
    private void tunnel(Origin origin, ProxySettings via, Socket tcp, int timeout) throws IOException, TransportFailure {
        String authority = origin.authority();
        Headers fields = via.authorization() == null ? Headers.of("Host", authority)
                : Headers.of("Host", authority, "Proxy-Authorization", via.authorization());
        ByteBuffer request = new HeadWriter().encode(RequestHead.builder(Method.CONNECT, authority).headers(fields).build());
        tcp.setSoTimeout(timeout);
        OutputStream out = tcp.getOutputStream();
        out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
        out.flush();
        tap.bytes(true, request.array(), request.arrayOffset() + request.position(), request.remaining());
        InputStream in = tcp.getInputStream();
        HeadParser<ResponseHead> parser = HeadParser.forResponses(limits);
        ByteBuffer buffer = ByteBuffer.allocate(limits.maxStartLineBytes() + limits.maxHeaderBytes() + 2).flip();
        ResponseHead answer;
        try {
            while ((answer = parser.parse(buffer)) == null) {
                buffer.compact();
                int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (n < 0) {
                    throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false, "the proxy " + via
                            + " closed the connection before answering CONNECT " + authority, null);
                }
                tap.bytes(false, buffer.array(), buffer.position(), n);
                buffer.position(buffer.position() + n).flip();
            }
        } catch (HttpParseException e) {
            throw new TransportFailure(TransportFailure.Kind.PROTOCOL, false, "the proxy " + via
                    + " answered CONNECT " + authority + " with an invalid head: " + e.getMessage(), e);
        }
        // A 2xx to CONNECT has no content (RFC 9110 §9.3.6), and the server speaks only after our
        // TLS hello: anything more is a proxy we cannot make sense of.
        if (answer.status() / 100 == 2 && buffer.hasRemaining()) {
            throw new TransportFailure(TransportFailure.Kind.PROTOCOL, false, "the proxy " + via + " sent "
                    + buffer.remaining() + " bytes after its answer to CONNECT " + authority + ", before the TLS handshake", null);
        }
        if (answer.status() / 100 != 2) {
            // 407 is the standard answer (RFC 9110 §15.5.8); some proxies (tinyproxy) say 401 to wrong credentials.
            boolean auth = answer.status() == 407 || answer.status() == 401;
            String hint = !auth ? ""
                    : via.authorization() == null ? "; give its credentials in the proxy URL: http://user:password@host:port"
                    : "; it refused the credentials in the proxy URL";
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false, "the proxy " + via + " refused CONNECT "
                    + authority + ": " + answer.status() + " " + answer.reason() + hint, null);
        }
    }

    private Socket handshake(Origin origin, Socket socket, int timeout) throws IOException {
        SSLSocket ssl = (SSLSocket) socket;
        SSLParameters params = ssl.getSSLParameters();
        if (tls.verifyHostnames()) {
            // The JDK checks the certificate's names against the host we asked for (RFC 6125).
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(origin.host())) {
            // SNI carries host names only (RFC 6066 §3), never addresses.
            params.setServerNames(List.of(new SNIHostName(origin.host())));
        }
        params.setApplicationProtocols(new String[] {"http/1.1"});
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(timeout);
        ssl.startHandshake();
        return ssl;
    }

    /** Returns true for an IPv6 literal or a dotted-decimal IPv4 address. */
    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Returns a sentence for the usual handshake failures, keeping the JDK's words at the end. */
    static String explain(Origin origin, SSLException e) {
        String prefix = "TLS handshake with " + origin + " failed: ";
        // Expiry hides under the path-validation error, so look for it through the whole chain first.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return prefix + "the server's certificate has expired (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return prefix + "the server's certificate is not valid yet; check the clocks (" + t.getMessage() + ")";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.startsWith("No subject alternative") || m.startsWith("No name matching")) {
                return prefix + "hostname mismatch: the certificate does not name " + origin.host() + " (" + m + ")";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException || t.getClass().getName().endsWith("SunCertPathBuilderException")) {
                return prefix + "unknown CA: the certificate chain does not lead to a trusted certificate; "
                        + "trust its CA with Session.builder().trustPem(...) or trustStore(...) (" + t.getMessage() + ")";
            }
        }
        return prefix + e.getMessage();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Already failing; the original error is what the user needs.
            }
        }
    }
}
