package dev.courier.wire;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Undoes a content coding (RFC 9110 §8.4.1) as a stream: compressed bytes in, decoded bytes
 * into the caller's buffer, in slices of any size, with no I/O.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>Get one from {@link #forCoding(String)} (or construct {@link GzipDecoder} /
 *       {@link DeflateDecoder}).</li>
 *   <li>Call {@link #decode(ByteBuffer, ByteBuffer)} while input remains or output keeps
 *       coming: it takes what it can from {@code in} and fills {@code out}. A return of 0 with
 *       {@code in} used up means "feed me more".</li>
 *   <li>When the body ends, call {@link #endOfInput()}: it throws when the coded data was
 *       cut short.</li>
 *   <li>{@link #close()} frees the native zlib memory at once (also safe to skip: the
 *       {@link java.util.zip.Inflater} cleaner does it eventually).</li>
 * </ol>
 */
public interface ContentDecoder extends AutoCloseable {

    /**
     * Decodes from {@code in} into {@code out}, advancing both, and returns the bytes written.
     *
     * @throws HttpParseException if the data is corrupt (bad header, checksum, deflate data)
     */
    int decode(ByteBuffer in, ByteBuffer out);

    /** Returns true when the coded stream has ended cleanly (for gzip: after a member). */
    boolean isFinished();

    /**
     * Tells the decoder no more input will come.
     *
     * @throws HttpParseException with {@link HttpParseException.Violation#TRUNCATED} if the
     *     stream stopped inside a gzip member or deflate stream
     */
    void endOfInput();

    /** Frees the inflater; the decoder cannot be used afterwards. */
    @Override
    void close();

    /**
     * Returns a decoder for the content coding named {@code coding} ({@code gzip},
     * {@code x-gzip} or {@code deflate}, any case), or null for {@code identity}.
     *
     * @throws IllegalArgumentException for any other coding, e.g. {@code br}
     */
    static ContentDecoder forCoding(String coding) {
        String c = coding.trim().toLowerCase(Locale.ROOT);
        switch (c) {
            case "gzip":
            case "x-gzip":
                return new GzipDecoder();
            case "deflate":
                return new DeflateDecoder();
            case "identity":
                return null;
            default:
                throw new IllegalArgumentException("content coding " + WireChars.quote(coding)
                        + " is not supported; Courier decodes gzip and deflate (send Accept-Encoding accordingly)");
        }
    }
}
