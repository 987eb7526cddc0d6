package dev.courier.wire;

import dev.courier.http.Headers;
import java.nio.ByteBuffer;

/**
 * Takes a message body off the wire according to its {@link Framing}, without I/O and, where it
 * can, without copying: the bytes it returns are slices of the caller's input buffer.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>Get one from {@link #forFraming(Framing, boolean, WireLimits)} after the head.</li>
 *   <li>Call {@link #decode(ByteBuffer)} with the bytes that follow the head, and again with
 *       each new read. Each call returns the next body bytes (maybe empty) and advances the
 *       input past what it took, framing bytes included.</li>
 *   <li>Stop when {@link #isComplete()}; what remains in the input is the next message.</li>
 *   <li>If the peer closes the connection first, call {@link #endOfInput()}: it completes an
 *       until-close body and throws {@link HttpParseException} (TRUNCATED) for the others.</li>
 *   <li>{@link #trailers()} holds the chunked trailer fields once complete.</li>
 * </ol>
 * The returned slice shares the input's content, so use it before refilling that buffer.
 */
public interface BodyDecoder {

    /**
     * Returns the next body bytes from {@code in} as a slice of it (empty when {@code in} held
     * only framing bytes, ran out, or the body is complete), advancing {@code in} past them.
     *
     * @throws HttpParseException if the framing bytes break a rule or limit
     */
    ByteBuffer decode(ByteBuffer in);

    /** Returns true once the whole body, and for chunked its trailers, has been taken. */
    boolean isComplete();

    /**
     * Tells the decoder that no more input will come (the peer closed).
     *
     * @throws HttpParseException with {@link HttpParseException.Violation#TRUNCATED} if the body
     *     was not complete and its framing is not until-close
     */
    void endOfInput();

    /** Returns the trailer fields of a complete chunked body; empty otherwise. */
    default Headers trailers() {
        return Headers.empty();
    }

    /**
     * Returns a decoder for a body framed by {@code framing}.
     *
     * @param strict true for requests (a server): chunk lines must end with CR LF; false for
     *     responses (a client), which also accepts LF alone
     */
    static BodyDecoder forFraming(Framing framing, boolean strict, WireLimits limits) {
        switch (framing.kind()) {
            case NONE:
                return new FixedLengthDecoder(0);
            case CONTENT_LENGTH:
                return new FixedLengthDecoder(framing.contentLength());
            case CHUNKED:
                return new ChunkedDecoder(limits, strict);
            case UNTIL_CLOSE:
                return new UntilCloseDecoder();
            default:
                throw new AssertionError(framing);
        }
    }
}
