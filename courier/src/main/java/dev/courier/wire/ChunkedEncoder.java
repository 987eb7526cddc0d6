package dev.courier.wire;

import dev.courier.http.Headers;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes the framing of the chunked transfer coding (RFC 9112 §7.1) around data the caller
 * writes itself, so chunk data is never copied by the encoder.
 *
 * <p>Lifecycle, per body:
 * <ol>
 *   <li>For each non-empty piece of data: {@link #writeChunkHeader(long, ByteBuffer)}, the data,
 *       then {@link #writeChunkEnd(ByteBuffer)}.</li>
 *   <li>Once: {@link #writeLastChunk(Headers, ByteBuffer)} with the trailers (often
 *       {@link Headers#empty()}).</li>
 * </ol>
 * Every method checks the room first and writes nothing when it is short.
 */
public final class ChunkedEncoder {

    /** Longest chunk header: 16 hex digits and CR LF. */
    public static final int MAX_CHUNK_HEADER_BYTES = 18;

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private ChunkedEncoder() {
    }

    /**
     * Writes the size line of a chunk of {@code size} bytes (lower-case hex and CR LF, e.g.
     * {@code "1a\r\n"} for 26) and returns the byte count.
     *
     * @throws IllegalArgumentException if {@code size} is not positive: a zero-size chunk would
     *     end the body, use {@link #writeLastChunk} for that
     * @throws BufferOverflowException if {@code out} has too little room
     */
    public static int writeChunkHeader(long size, ByteBuffer out) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, got " + size
                    + "; a zero-size chunk ends the body, call writeLastChunk instead");
        }
        int digits = (64 - Long.numberOfLeadingZeros(size) + 3) / 4;
        if (out.remaining() < digits + 2) {
            throw new BufferOverflowException();
        }
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.put(HEX[(int) (size >>> shift) & 0xF]);
        }
        out.put((byte) '\r').put((byte) '\n');
        return digits + 2;
    }

    /** Writes the CR LF that follows chunk data and returns 2. */
    public static int writeChunkEnd(ByteBuffer out) {
        if (out.remaining() < 2) {
            throw new BufferOverflowException();
        }
        out.put((byte) '\r').put((byte) '\n');
        return 2;
    }

    /** Returns the bytes {@link #writeLastChunk} writes for {@code trailers}. */
    public static int lastChunkLength(Headers trailers) {
        return 3 + HeadWriter.fieldsLength(trailers) + 2;
    }

    /**
     * Writes the last chunk ({@code "0\r\n"}), the trailer fields and the final CR LF, and
     * returns the byte count.
     *
     * @throws BufferOverflowException if {@code out} has fewer than
     *     {@link #lastChunkLength(Headers)} bytes of room
     */
    public static int writeLastChunk(Headers trailers, ByteBuffer out) {
        int len = lastChunkLength(trailers);
        if (out.remaining() < len) {
            throw new BufferOverflowException();
        }
        byte[] b = new byte[len];
        b[0] = '0';
        b[1] = '\r';
        b[2] = '\n';
        int p = HeadWriter.putFields(b, 3, trailers);
        b[p] = '\r';
        b[p + 1] = '\n';
        out.put(b);
        return len;
    }
}
