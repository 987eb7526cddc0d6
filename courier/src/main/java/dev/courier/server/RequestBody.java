package dev.courier.server;

import dev.courier.wire.BodyDecoder;
import dev.courier.wire.HttpParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * The body of one request as a stream, decoded from the connection's {@link InputBuffer} by the
 * codec's {@link BodyDecoder}, never read past its end, so the next pipelined request stays in
 * the buffer.
 *
 * <p>It enforces the body limit (413) and the per-read timeout (408), turns framing errors into
 * their status (400), and sends {@code 100 Continue} before the first read when the client asked
 * for it (RFC 9110 §10.1.1). Any such failure marks the body {@link #broken()}: the message
 * boundary is lost, so the connection must close after the reply.
 */
final class RequestBody extends InputStream {

    /** Sends the interim 100 response; called at most once, before the first body read. */
    interface Continue {
        void send() throws IOException;
    }

    private final InputBuffer input;
    private final BodyDecoder decoder;
    private final long maxBytes;
    private final int timeoutMillis;
    private Continue pendingContinue;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private ByteBuffer pending = EMPTY;
    private final byte[] one = new byte[1];
    private long taken;
    private boolean broken;
    private boolean started;

    RequestBody(InputBuffer input, BodyDecoder decoder, long maxBytes, int timeoutMillis, Continue expectContinue) {
        this.input = input;
        this.decoder = decoder;
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeoutMillis;
        this.pendingContinue = expectContinue;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (broken) {
            throw new IOException("the request body failed earlier and cannot be read further");
        }
        started = true;
        try {
            if (!nextSlice()) {
                return -1;
            }
        } catch (HttpParseException e) {
            broken = true;
            throw new AbortException(e.suggestedStatus(), "malformed request body: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            broken = true;
            throw new AbortException(408, "request body: no bytes for " + timeoutMillis + " ms (ioTimeout)");
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
        int n = Math.min(len, pending.remaining());
        pending.get(b, off, n);
        return n;
    }

    /** Makes {@link #pending} hold body bytes; returns false at the end of the body. */
    private boolean nextSlice() throws IOException {
        // Bounded: each round either takes bytes from the buffer or reads more (which waits at
        // most timeoutMillis and ends at EOF).
        while (!pending.hasRemaining()) {
            if (decoder.isComplete()) {
                return false;
            }
            if (pendingContinue != null) {
                Continue c = pendingContinue;
                pendingContinue = null;
                c.send();
            }
            ByteBuffer in = input.buf;
            if (in.hasRemaining()) {
                int before = in.position();
                pending = decoder.decode(in);
                taken += pending.remaining();
                if (taken > maxBytes) {
                    throw new AbortException(413, "request body exceeds maxBodyBytes=" + maxBytes
                            + " (read " + taken + "); send less, or raise ServerLimits.maxBodyBytes");
                }
                if (pending.hasRemaining() || in.position() != before) {
                    continue;
                }
            }
            if (decoder.isComplete()) {
                return false;
            }
            if (input.fill(timeoutMillis) < 0) {
                decoder.endOfInput();
                return false;
            }
        }
        return true;
    }

    /**
     * Skips the rest of the body if it is at most {@code maxBytes}; returns true when the body
     * is complete, false when the connection must close instead (too long, broken, or the client
     * still waits for 100 Continue and so may never send it).
     */
    boolean drain(long maxBytes) {
        if (broken) {
            return false;
        }
        if (pendingContinue != null && !started && !decoder.isComplete()) {
            return false;
        }
        pendingContinue = null;
        if (!pending.hasRemaining() && decoder.isComplete()) {
            return true; // read to the end, or none: the usual case, and no scratch buffer needed
        }
        long skipped = 0;
        byte[] scratch = new byte[8192];
        try {
            // Bounded by maxBytes (each read returns at least one byte or ends the loop).
            while (skipped <= maxBytes) {
                int n = read(scratch, 0, scratch.length);
                if (n < 0) {
                    return true;
                }
                skipped += n;
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
        }
        return false;
    }

    /** Returns true when reading failed, so the connection cannot carry another request. */
    boolean broken() {
        return broken;
    }

    /** Returns true once the handler started reading. */
    boolean started() {
        return started;
    }

    /** Returns the body bytes taken so far. */
    long taken() {
        return taken;
    }

    @Override
    public void close() {
        // The connection owns the bytes; unread ones are drained or the connection closed.
    }
}
