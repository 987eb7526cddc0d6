package dev.courier.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw TCP client for tests: writes exact bytes and reads what the server sends, every wait
 * bounded. Parses nothing beyond what a test asserts with plain string checks.
 */
final class RawClient implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 5000;

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawClient send(String s) throws IOException {
        return send(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] b) throws IOException {
        out.write(b);
        out.flush();
        return this;
    }

    /** Reads until the server closes (or 5 s pass, which fails); returns everything as ISO-8859-1. */
    String readToClose() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long end = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            // A server still sending after 5 s has not closed: returning what came so far would
            // let a test that checks "answered and closed" pass on a connection left open.
            if (System.nanoTime() > end) {
                String got = all.toString(StandardCharsets.ISO_8859_1);
                throw new SocketTimeoutException("not closed within " + TIMEOUT_MILLIS + " ms; got " + all.size()
                        + " bytes: " + got.substring(0, Math.min(got.length(), 300)));
            }
            int n;
            try {
                n = in.read(buf);
            } catch (java.net.SocketException e) { // reset after the response: still "closed"
                break;
            }
            if (n < 0) {
                break;
            }
            all.write(buf, 0, n);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads until {@code count} occurrences of {@code marker} were seen; fails after 5 s. */
    String readUntil(String marker, int count) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[8192];
        long end = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (occurrences(sb, marker) < count) {
            if (System.nanoTime() > end) {
                throw new SocketTimeoutException("no " + count + " x " + marker + " in: " + sb);
            }
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("closed before " + count + " x " + marker + "; got: " + sb);
            }
            sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        return sb.toString();
    }

    /** Reads one response whose body has Content-Length (or none); returns head and body. */
    String readResponse() throws IOException {
        String head = readUntil("\r\n\r\n", 1);
        int split = head.indexOf("\r\n\r\n") + 4;
        String h = head.substring(0, split);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        StringBuilder body = new StringBuilder(head.substring(split));
        byte[] buf = new byte[8192];
        while (body.length() < length) {
            int n = in.read(buf, 0, Math.min(buf.length, length - body.length()));
            if (n < 0) {
                throw new IOException("closed inside a body; got " + h + body);
            }
            body.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        if (body.length() > length) {
            throw new IllegalStateException("read past the response (pipelined data?): " + body);
        }
        return h + body;
    }

    /** Returns true when the server has closed: a read sees EOF (or reset) within 5 s. */
    boolean serverClosed() throws IOException {
        try {
            byte[] buf = new byte[1024];
            long end = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
            while (System.nanoTime() < end) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    static int occurrences(CharSequence s, String marker) {
        int count = 0;
        for (int i = s.toString().indexOf(marker); i >= 0; i = s.toString().indexOf(marker, i + marker.length())) {
            count++;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
