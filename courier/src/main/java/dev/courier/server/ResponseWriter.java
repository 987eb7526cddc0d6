package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Status;
import dev.courier.wire.ChunkedEncoder;
import dev.courier.wire.HeadWriter;
import dev.courier.wire.ResponseHead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Writes replies on one connection: the head through the codec's {@link HeadWriter}, then the
 * body framed as {@link Framing} says, through one reused buffer.
 *
 * <p>Each write to the transport is timed: {@link #writeStartedNanos} is non-zero while one is
 * in progress, and the server's {@link Watchdog} closes the connection when it takes longer
 * than the I/O timeout, since a blocking channel write has no timeout of its own.
 */
final class ResponseWriter {

    /** How the body of one reply is delimited. */
    enum Framing {
        /** No body and no length (1xx, 204, 304). */
        NONE,
        /** Content-Length. */
        LENGTH,
        /** Transfer-Encoding: chunked (HTTP/1.1, unknown length). */
        CHUNKED,
        /** Until the connection closes (HTTP/1.0, unknown length). */
        CLOSE
    }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] TRANSFER_CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: keep-alive\r\n");

    private final Transport transport;
    /** The server's small-file contents, or null to send every file region with sendfile. */
    private final FileContentCache files;
    /** Encodes each reply's head into one array reused for the life of the connection. */
    private final HeadWriter heads = new HeadWriter();
    /** Room for the decimal digits of any long. */
    private final byte[] digits = new byte[20];
    private final byte[] buf = new byte[InputBuffer.SIZE];
    private int count;
    /** Body bytes of the last reply, for the access log. */
    long bodyBytesSent;
    /** System.nanoTime() when the current transport write began; 0 when none is in progress. */
    volatile long writeStartedNanos;

    ResponseWriter(Transport transport, FileContentCache files) {
        this.transport = transport;
        this.files = files;
    }

    /** Returns how a reply with {@code body} and {@code status} is framed on this connection. */
    static Framing framingOf(int status, ReplyBody body, boolean http11) {
        if (status == 204 || status == 304 || status < 200) {
            return Framing.NONE;
        }
        if (body.length() >= 0) {
            return Framing.LENGTH;
        }
        return http11 ? Framing.CHUNKED : Framing.CLOSE;
    }

    /** Sends the interim {@code 100 Continue} response (RFC 9110 §15.2.1). */
    void sendContinue() throws IOException {
        write(CONTINUE, 0, CONTINUE.length);
        flush();
    }

    /**
     * Writes {@code reply} with {@code framing}; without the body bytes when {@code headOnly}
     * (HEAD: same headers as GET, RFC 9110 §9.3.2). {@code connection} is the value of the
     * {@code Connection} field, or null for none.
     */
    void send(Reply reply, Framing framing, boolean headOnly, String connection) throws IOException {
        ReplyBody body = reply.body();
        bodyBytesSent = 0;
        try {
            writeHead(reply, framing, connection);
            if (!headOnly && framing != Framing.NONE) {
                writeBody(body, framing == Framing.CHUNKED);
            }
            flush();
        } finally {
            closeQuietly(body); // a stream not sent (HEAD, 204, failure) is closed too
        }
    }

    /**
     * Writes the head: the reply's own fields, then {@code Date} (unless the reply has one), the
     * framing field and {@code Connection}, in that order. The codec encodes the status line and
     * the reply's fields into this writer's reused array; the server's fields are appended as
     * bytes, so no header set is copied per reply. A reply that sets {@code Connection} itself
     * while the server must set it too goes the general way, where the server's value replaces it.
     */
    private void writeHead(Reply reply, Framing framing, String connection) throws IOException {
        Headers own = reply.headers();
        if (connection != null && own.contains("Connection")) {
            Headers.Builder h = own.newBuilder();
            if (!own.contains("Date")) {
                h.set("Date", DateHeader.now());
            }
            if (framing == Framing.LENGTH) {
                h.set("Content-Length", Long.toString(reply.body().length()));
            } else if (framing == Framing.CHUNKED) {
                h.set("Transfer-Encoding", "chunked");
            }
            h.set("Connection", connection);
            ByteBuffer bytes = heads.encode(ResponseHead.builder(reply.status(), Status.of(reply.status()).reason())
                    .headers(h.build()).build());
            write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            return;
        }
        ByteBuffer bytes = heads.encode(ResponseHead.builder(reply.status(), Status.of(reply.status()).reason())
                .headers(own).build());
        // The encoding ends with the empty line (CR LF) that closes the head: hold it back.
        write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining() - 2);
        if (!own.contains("Date")) {
            byte[] date = DateHeader.fieldBytes();
            write(date, 0, date.length);
        }
        if (framing == Framing.LENGTH) {
            write(CONTENT_LENGTH, 0, CONTENT_LENGTH.length);
            writeDecimal(reply.body().length());
            write(CRLF, 0, 2);
        } else if (framing == Framing.CHUNKED) {
            write(TRANSFER_CHUNKED, 0, TRANSFER_CHUNKED.length);
        }
        if (connection != null) {
            byte[] field = "close".equals(connection) ? CONNECTION_CLOSE
                    : "keep-alive".equals(connection) ? CONNECTION_KEEP_ALIVE
                    : ("Connection: " + connection + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            write(field, 0, field.length);
        }
        write(CRLF, 0, 2);
    }

    /** Writes {@code n} (at least 0) in decimal ASCII. */
    private void writeDecimal(long n) throws IOException {
        int p = digits.length;
        long v = n;
        do {
            digits[--p] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        write(digits, p, digits.length - p);
    }

    private void writeBody(ReplyBody body, boolean chunked) throws IOException {
        if (body instanceof ReplyBody.Bytes) {
            byte[] b = ((ReplyBody.Bytes) body).bytes();
            write(b, 0, b.length);
            bodyBytesSent = b.length;
        } else if (body instanceof ReplyBody.FileRegion) {
            ReplyBody.FileRegion f = (ReplyBody.FileRegion) body;
            ByteBuffer kept = kept(f);
            if (kept != null) {
                // The head still in the buffer and the body leave in one gathering write.
                int n = count;
                count = 0;
                timed(() -> transport.write(buf, 0, n, kept));
            } else {
                flush();
                try (FileChannel fc = FileChannel.open(f.path(), StandardOpenOption.READ)) {
                    timed(() -> transport.sendFile(fc, f.offset(), f.length()));
                }
            }
            bodyBytesSent = f.length();
        } else if (body instanceof ReplyBody.Stream) {
            try (InputStream in = ((ReplyBody.Stream) body).stream()) {
                copy(in, body.length(), chunked);
            }
        }
    }

    /**
     * Returns the bytes of region {@code f} from the server's file cache, or null when the
     * region should be read from the file: no cache, no attributes to check the entry by, or a
     * file too large to keep. A TLS transport copies the kept bytes into its record buffer,
     * which is still cheaper than reading the file again.
     */
    private ByteBuffer kept(ReplyBody.FileRegion f) throws IOException {
        if (files == null || f.attrs == null || f.offset() + f.length() > f.attrs.size()) {
            return null;
        }
        ByteBuffer whole = files.content(f.path(), f.attrs);
        if (whole == null) {
            return null;
        }
        return whole.position((int) f.offset()).limit((int) (f.offset() + f.length()));
    }

    /** Copies {@code in}: exactly {@code length} bytes when known, else to its end. */
    private void copy(InputStream in, long length, boolean chunked) throws IOException {
        byte[] chunk = new byte[8192];
        ByteBuffer line = ByteBuffer.allocate(ChunkedEncoder.MAX_CHUNK_HEADER_BYTES);
        long sent = 0;
        // Bounded by the stream's end, or by length.
        while (length < 0 || sent < length) {
            int want = length < 0 ? chunk.length : (int) Math.min(chunk.length, length - sent);
            int n = in.read(chunk, 0, want);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                continue;
            }
            if (chunked) {
                line.clear();
                ChunkedEncoder.writeChunkHeader(n, line);
                write(line.array(), 0, line.position());
                write(chunk, 0, n);
                write(CRLF, 0, 2);
            } else {
                write(chunk, 0, n);
            }
            sent += n;
        }
        bodyBytesSent = sent;
        if (length >= 0 && sent < length) {
            throw new IOException("reply stream ended after " + sent + " of its declared " + length
                    + " bytes; the connection is closed since the client was promised more");
        }
        if (chunked) {
            ByteBuffer last = ByteBuffer.allocate(ChunkedEncoder.lastChunkLength(Headers.empty()));
            ChunkedEncoder.writeLastChunk(Headers.empty(), last);
            write(last.array(), 0, last.position());
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - count) {
            flush();
            if (len > buf.length) {
                timed(() -> transport.write(b, off, len));
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    void flush() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0;
            timed(() -> transport.write(buf, 0, n));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private interface Io {
        void run() throws IOException;
    }

    private void timed(Io io) throws IOException {
        writeStartedNanos = System.nanoTime() | 1; // never 0 while writing
        try {
            io.run();
        } finally {
            writeStartedNanos = 0;
        }
    }

    private static void closeQuietly(ReplyBody body) {
        if (body instanceof ReplyBody.Stream) {
            try {
                ((ReplyBody.Stream) body).stream().close();
            } catch (IOException ignored) {
                // The stream was not going to be sent anyway.
            }
        }
    }
}
