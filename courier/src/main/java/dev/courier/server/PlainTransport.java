package dev.courier.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.util.List;

/**
 * A plain TCP connection on a blocking {@link SocketChannel}: reads through the socket adaptor
 * (so {@code SO_TIMEOUT} applies), writes and {@code transferTo} straight on the channel.
 */
final class PlainTransport extends Transport {

    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream in;
    private final InetSocketAddress remote;
    private int timeout = -1;

    PlainTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.in = socket.getInputStream();
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        socket.setTcpNoDelay(true);
    }

    @Override
    int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
        if (timeoutMillis != timeout) {
            socket.setSoTimeout(timeoutMillis);
            timeout = timeoutMillis;
        }
        return in.read(b, off, len);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
    }

    /** Uses {@link FileChannel#transferTo}, which the JDK turns into sendfile(2) on Linux. */
    @Override
    void sendFile(FileChannel file, long position, long length) throws IOException {
        long end = position + length;
        long pos = position;
        while (pos < end) {
            long n = file.transferTo(pos, end - pos, channel);
            if (n <= 0) {
                if (pos >= file.size()) {
                    throw new IOException("file shrank while being sent: wanted bytes up to " + end
                            + ", it now has " + file.size());
                }
                continue;
            }
            pos += n;
        }
    }

    @Override
    InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    boolean isSecure() {
        return false;
    }

    @Override
    List<Certificate> peerCertificates() {
        return List.of();
    }

    @Override
    void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // Already gone: the close that follows is all that is left.
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to do for a connection being dropped.
        }
    }
}
