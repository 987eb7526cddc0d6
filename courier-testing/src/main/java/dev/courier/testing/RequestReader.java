package dev.courier.testing;

import dev.courier.http.Headers;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 request from a socket stream for {@link MockServer}, keeping the raw head.
 *
 * <p>Deliberately small and lenient (a mock records what clients send, it does not police them):
 * the head ends at the first blank line (CRLF or bare LF, RFC 9112 §2.2), the body is framed by
 * chunked coding or Content-Length (RFC 9112 §6.3), and nothing else. Courier's wire codec is
 * not exported by the {@code dev.courier} module, so this module does not lean on it.
 */
final class RequestReader {

    /** Head size limit: 64 KiB, well above the 8 KiB most servers (nginx, Node) accept. */
    static final int DEFAULT_MAX_HEAD_BYTES = 64 * 1024;
    /** Body size limit: 64 MiB, enough for upload tests while bounding the memory a test can use. */
    static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    enum State { HEAD, BODY, DONE }

    /** A parsed request head with its exact bytes. */
    record Head(String method, String target, String version, Headers headers, byte[] raw) {
    }

    private final InputStream in;
    private State state = State.HEAD;

    RequestReader(InputStream in) {
        this.in = in;
    }

    /** Returns the next head, or null when the peer closed cleanly before sending a byte. */
    Head readHead() throws IOException {
        check(State.HEAD);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int newlines = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (raw.size() == 0) {
                    state = State.DONE;
                    return null;
                }
                throw new EOFException("connection closed inside the request head after " + raw.size() + " bytes");
            }
            if (raw.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // RFC 9112 §2.2: ignore empty lines before the request line
            }
            raw.write(b);
            if (raw.size() > DEFAULT_MAX_HEAD_BYTES) {
                throw new IOException("request head exceeds maxHeadBytes=" + DEFAULT_MAX_HEAD_BYTES);
            }
            if (b == '\n') {
                if (++newlines == 2) {
                    break;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
        }
        byte[] bytes = raw.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        String[] parts = lines[0].split(" ", 3);
        if (parts.length != 3) {
            throw new IOException("malformed request line: \"" + cut(lines[0]) + "\"; expected METHOD TARGET HTTP/1.1");
        }
        Headers.Builder h = Headers.builder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: \"" + cut(line) + "\"; expected name: value");
            }
            h.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        state = State.BODY;
        return new Head(parts[0], parts[1], parts[2], h.build(), bytes);
    }

    /** Returns the body that follows {@code head}, de-chunked; empty without framing headers. */
    byte[] readBody(Head head) throws IOException {
        check(State.BODY);
        state = State.HEAD;
        String te = head.headers().get("Transfer-Encoding");
        if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return readChunked();
        }
        String cl = head.headers().get("Content-Length");
        if (cl == null) {
            return new byte[0];
        }
        long n;
        try {
            n = Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            throw new IOException("Content-Length is not a number: \"" + cut(cl) + "\"");
        }
        if (n < 0 || n > DEFAULT_MAX_BODY_BYTES) {
            throw new IOException("Content-Length " + n + " outside 0..maxBodyBytes=" + DEFAULT_MAX_BODY_BYTES);
        }
        return in.readNBytes((int) n);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: \"" + cut(sizeLine) + "\"");
            }
            if (size < 0 || body.size() + size > DEFAULT_MAX_BODY_BYTES) {
                throw new IOException("chunked body exceeds maxBodyBytes=" + DEFAULT_MAX_BODY_BYTES);
            }
            if (size == 0) {
                // Trailer section (RFC 9112 §7.1.2): skip fields up to the blank line.
                for (int i = 0; i < 1000 && !readLine().isEmpty(); i++) {
                    // discard
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes((int) size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < DEFAULT_MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        throw new IOException("chunk line exceeds " + DEFAULT_MAX_HEAD_BYTES + " bytes");
    }

    private void check(State expected) {
        if (state != expected) {
            throw new IllegalStateException("request reader in state " + state + ", expected " + expected);
        }
    }

    private static String cut(String s) {
        String e = s.replace("\r", "\\r").replace("\n", "\\n");
        return e.length() > 60 ? e.substring(0, 60) + "..." : e;
    }
}
