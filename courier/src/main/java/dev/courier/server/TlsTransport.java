package dev.courier.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * A TLS connection: an {@link SSLSocket} layered over the accepted channel's socket. File
 * bodies are copied through a buffer, since the bytes must be encrypted in user space.
 */
final class TlsTransport extends Transport {

    private static final int COPY_BUFFER = 16 * 1024;

    private final SocketChannel channel;
    private final SSLSocket ssl;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress remote;
    private int timeout = -1;

    TlsTransport(SocketChannel channel, SSLContext context, boolean wantClientAuth, int handshakeTimeoutMillis)
            throws IOException {
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        channel.socket().setTcpNoDelay(true);
        this.ssl = (SSLSocket) context.getSocketFactory().createSocket(
                channel.socket(), remote.getHostString(), remote.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setWantClientAuth(wantClientAuth);
        ssl.setSoTimeout(handshakeTimeoutMillis);
        ssl.startHandshake();
        this.in = ssl.getInputStream();
        this.out = ssl.getOutputStream();
    }

    @Override
    int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
        if (timeoutMillis != timeout) {
            ssl.setSoTimeout(timeoutMillis);
            timeout = timeoutMillis;
        }
        return in.read(b, off, len);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    void sendFile(FileChannel file, long position, long length) throws IOException {
        byte[] buf = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, length))];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long pos = position;
        long end = position + length;
        while (pos < end) {
            bb.clear().limit((int) Math.min(buf.length, end - pos));
            int n = file.read(bb, pos);
            if (n < 0) {
                throw new IOException("file shrank while being sent: wanted bytes up to " + end + ", it ends at " + pos);
            }
            out.write(buf, 0, n);
            pos += n;
        }
    }

    @Override
    InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    boolean isSecure() {
        return true;
    }

    @Override
    List<Certificate> peerCertificates() {
        try {
            return Arrays.asList(ssl.getSession().getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    @Override
    void shutdownOutput() {
        try {
            ssl.shutdownOutput();
        } catch (IOException | UnsupportedOperationException ignored) {
            // Already gone, or not supported: the close that follows is all that is left.
        }
    }

    /**
     * Closes the TCP channel under the TLS layer. {@code SSLSocket.close()} would first send
     * close_notify, which waits for the lock a blocked writer holds: the aborting thread would
     * block as long as the stuck client does. Closing the channel wakes the writer with an
     * error; the connection's own thread then closes the TLS layer.
     */
    @Override
    void abort() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to do for a connection being dropped.
        }
    }

    @Override
    public void close() {
        try {
            ssl.close();
        } catch (IOException ignored) {
            // Nothing left to do for a connection being dropped.
        }
    }
}
