package dev.courier.client;

import dev.courier.http.Headers;
import dev.courier.wire.BodyDecoder;
import dev.courier.wire.ContentDecoder;
import dev.courier.wire.Framing;
import dev.courier.wire.HttpParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A response body read straight off its connection: framing removed by a {@link BodyDecoder},
 * content coding undone by a {@link ContentDecoder} when asked.
 *
 * <p>When the last byte has been read the connection goes back to the pool (if the exchange
 * allows reuse); closing the stream before that closes the connection, since the rest of an
 * abandoned body would otherwise be read as the next response.
 */
public final class ResponseBodyStream extends InputStream {

    /** Decoded-output buffer: 16 KiB, the size of one read buffer. */
    private static final int INFLATE_BUFFER_BYTES = 16 * 1024;

    private final Connection connection;
    private final BodyDecoder framing;
    private final ContentDecoder content;
    private final ConnectionPool pool;
    private final boolean reusable;
    private final long expectedLength;
    /**
     * True for a Content-Length body without content coding, read without a decoder: buffered
     * bytes are copied out, then the socket is read straight into the caller's array, so a large
     * download is copied once (not socket to buffer to caller) and no slice is made per read.
     */
    private final boolean direct;
    /** Body bytes still to come, for {@link #direct} bodies. */
    private long remaining;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private ByteBuffer pending = EMPTY;
    private ByteBuffer coded = EMPTY;
    private ByteBuffer inflated;
    private boolean done;
    private Headers trailers = Headers.empty();

    ResponseBodyStream(Connection connection, Framing framing, ContentDecoder content, ConnectionPool pool,
            boolean reusable) {
        this.connection = connection;
        this.direct = content == null && framing.kind() == Framing.Kind.CONTENT_LENGTH;
        this.framing = direct ? null : BodyDecoder.forFraming(framing, false, connection.limits());
        this.remaining = direct ? framing.contentLength() : 0;
        this.content = content;
        this.pool = pool;
        this.reusable = reusable;
        this.expectedLength = content == null && framing.kind() != Framing.Kind.CHUNKED
                && framing.kind() != Framing.Kind.UNTIL_CLOSE ? framing.contentLength() : -1;
        if (content != null) {
            inflated = ByteBuffer.allocate(INFLATE_BUFFER_BYTES);
        }
    }

    /** Returns the chunked trailer fields once the body has been read to the end; empty before. */
    public Headers trailers() {
        return trailers;
    }

    /** Returns the exact number of bytes this stream will give, or -1 when not known in advance. */
    public long expectedLength() {
        return expectedLength;
    }

    /** Returns true once the whole body has been read (or the stream closed). */
    public boolean isDone() {
        return done;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (direct) {
            return readDirect(b, off, len);
        }
        try {
            while (!pending.hasRemaining()) {
                if (done) {
                    return -1;
                }
                advance();
            }
        } catch (TransportFailure e) {
            abandon();
            throw e;
        } catch (HttpParseException e) {
            abandon();
            throw new TransportFailure(TransportFailure.Kind.PROTOCOL, true, "invalid response body: " + e.getMessage(), e);
        }
        int n = Math.min(len, pending.remaining());
        pending.get(b, off, n);
        return n;
    }

    /** {@link #read} for a {@link #direct} body. */
    private int readDirect(byte[] b, int off, int len) throws TransportFailure {
        if (done) {
            return -1;
        }
        if (remaining == 0) {
            finish();
            return -1;
        }
        int want = (int) Math.min(len, remaining);
        ByteBuffer in = connection.readBuffer();
        int n;
        if (in.hasRemaining()) {
            n = Math.min(want, in.remaining());
            in.get(b, off, n);
        } else {
            try {
                n = connection.readDirect(b, off, want);
            } catch (TransportFailure e) {
                abandon();
                throw e;
            }
            if (n < 0) {
                abandon();
                throw new TransportFailure(TransportFailure.Kind.CONNECTION_LOST, true,
                        "the server closed the connection before the body was complete: " + remaining
                                + " of its Content-Length " + expectedLength + " bytes missing", null);
            }
        }
        remaining -= n;
        if (remaining == 0) {
            finish(); // the connection goes back to the pool as soon as the last byte is in
        }
        return n;
    }

    @Override
    public int available() {
        if (direct) {
            return done ? 0 : (int) Math.min(remaining, connection.readBuffer().remaining());
        }
        return pending.remaining();
    }

    /** Makes {@code pending} non-empty or sets {@code done}. */
    private void advance() throws TransportFailure {
        if (content == null) {
            ByteBuffer slice = nextFramed();
            if (slice == null) {
                finish();
            } else {
                pending = slice;
            }
            return;
        }
        inflated.clear();
        while (inflated.position() == 0) {
            if (!coded.hasRemaining()) {
                ByteBuffer slice = nextFramed();
                if (slice == null) {
                    content.endOfInput();
                    finish();
                    break;
                }
                coded = slice;
            }
            int n = content.decode(coded, inflated);
            if (n == 0 && coded.hasRemaining() && content.isFinished()) {
                // Bytes after the end of the coded stream cannot be decoded; like browsers, ignore them.
                coded.position(coded.limit());
            }
        }
        inflated.flip();
        pending = inflated;
    }

    /** Returns the next non-empty framed slice, or null at the end of the body. */
    private ByteBuffer nextFramed() throws TransportFailure {
        ByteBuffer in = connection.readBuffer();
        while (!framing.isComplete()) {
            ByteBuffer slice = framing.decode(in);
            if (slice.hasRemaining()) {
                return slice;
            }
            if (framing.isComplete()) {
                break;
            }
            if (!in.hasRemaining() && connection.fill() < 0) {
                try {
                    framing.endOfInput();
                } catch (HttpParseException e) {
                    throw new TransportFailure(TransportFailure.Kind.CONNECTION_LOST, true,
                            "the server closed the connection before the body was complete: " + e.getMessage(), e);
                }
                break;
            }
        }
        return null;
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (framing != null) {
            trailers = framing.trailers();
        }
        if (content != null) {
            content.close();
        }
        // Bytes after the body would be a response nobody asked for: do not reuse then.
        if (reusable && !connection.readBuffer().hasRemaining()) {
            pool.release(connection);
        } else {
            connection.close();
        }
    }

    private void abandon() {
        if (!done) {
            done = true;
            pending = EMPTY;
            if (content != null) {
                content.close();
            }
            connection.close();
        }
    }

    /** Closes the connection if the body was not read to the end; a finished body is already released. */
    @Override
    public void close() {
        abandon();
    }
}
