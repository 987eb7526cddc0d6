package dev.courier.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
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
 * verification (RFC 9110 §4.3.4) and SNI, turning each common failure into a sentence.
 */
final class Connector {

    private final TlsConfig tls;
    private final WireTap tap;
    private final WireLimits limits;

    Connector(TlsConfig tls, WireTap tap, WireLimits limits) {
        this.tls = tls;
        this.tap = tap;
        this.limits = limits;
    }

    Connection open(Origin origin, int connectTimeoutMillis, Deadline deadline) throws TransportFailure {
        deadline.check(false);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(origin.host());
        } catch (UnknownHostException e) {
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false,
                    "cannot resolve host " + origin.host() + ": check the spelling of the URL", e);
        }
        // Try each address in the resolver's order (e.g. ::1 then 127.0.0.1 for localhost).
        TransportFailure last = null;
        for (InetAddress address : addresses) {
            try {
                return connect(origin, new InetSocketAddress(address, origin.port()), connectTimeoutMillis, deadline);
            } catch (TransportFailure f) {
                if (f.kind() != TransportFailure.Kind.CONNECT_FAILED) {
                    throw f;
                }
                last = f;
            }
        }
        throw last;
    }

    private Connection connect(Origin origin, InetSocketAddress address, int connectTimeoutMillis, Deadline deadline)
            throws TransportFailure {
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
                socket = tls.factory().createSocket(tcp, origin.host(), origin.port(), true);
                socket = handshake(origin, socket, timeout);
            }
            return new Connection(origin, socket, tcp, channel, tap, limits);
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
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false,
                    "cannot connect to " + origin + " (" + e.getMessage() + "): is the server running on that port?", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, false,
                    "cannot connect to " + origin + ": " + e, e);
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
