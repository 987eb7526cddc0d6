package dev.courier.wire;

import dev.courier.http.Headers;
import java.nio.ByteBuffer;

/**
 * Decodes the chunked transfer coding (RFC 9112 §7.1), handing out chunk data as slices of the
 * input and parsing the trailer section into {@link Headers}.
 *
 * <p>The size line is parsed byte by byte with no buffer; chunk extensions are skipped (no
 * extension is defined that we act on) but counted against
 * {@link WireLimits#maxChunkExtensionBytes()}. Trailer lines go through the same field checks as
 * a header section, limited by {@link WireLimits#maxTrailerBytes()}. See {@link BodyDecoder} for
 * the lifecycle.
 */
public final class ChunkedDecoder implements BodyDecoder {

    /** Where the decoder is within the chunk stream. */
    public enum State {
        /** Reading the hex digits of a chunk size. */
        SIZE,
        /** Skipping chunk extensions up to the line end. */
        EXTENSION,
        /** Read CR at the end of the size line; LF must follow. */
        SIZE_LF,
        /** Handing out chunk data. */
        DATA,
        /** Expecting the CR after chunk data. */
        DATA_CR,
        /** Expecting the LF after chunk data. */
        DATA_LF,
        /** Reading trailer field lines up to the empty line. */
        TRAILERS,
        /** The last chunk and trailers have been read. */
        DONE,
        /** A rule was broken. */
        FAILED
    }

    private final WireLimits limits;
    private final boolean strict;
    private State state = State.SIZE;
    /** Bytes of the chunk stream consumed so far, for error offsets. */
    private long offset;
    private long size;
    private int digits;
    private int extensionBytes;
    private long remaining;
    private LineReader lines;
    private FieldSection fields;
    private int trailerBytes;
    private Headers trailers = Headers.empty();

    /**
     * Returns a decoder of one chunked body.
     *
     * @param strict true to require CR LF after size lines and data (a server reading requests);
     *     false also accepts LF alone (a client)
     */
    public ChunkedDecoder(WireLimits limits, boolean strict) {
        this.limits = limits;
        this.strict = strict;
    }

    /** Returns the state, e.g. {@link State#DATA} while inside a chunk. */
    public State state() {
        return state;
    }

    @Override
    public ByteBuffer decode(ByteBuffer in) {
        if (state == State.FAILED) {
            throw new IllegalStateException("chunked decoder state: FAILED; the body cannot be read further");
        }
        try {
            return advance(in);
        } catch (HttpParseException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private ByteBuffer advance(ByteBuffer in) {
        while (in.hasRemaining()) {
            switch (state) {
                case SIZE:
                case EXTENSION:
                case SIZE_LF:
                    sizeLine(in);
                    break;
                case DATA: {
                    int n = (int) Math.min(remaining, in.remaining());
                    remaining -= n;
                    offset += n;
                    if (remaining == 0) {
                        state = State.DATA_CR;
                    }
                    return Slices.take(in, n);
                }
                case DATA_CR:
                case DATA_LF:
                    dataEnd(in.get());
                    break;
                case TRAILERS:
                    trailerLines(in);
                    break;
                case DONE:
                    return Slices.EMPTY;
                default:
                    throw new IllegalStateException("chunked decoder state: " + state);
            }
        }
        return Slices.EMPTY;
    }

    /** Parses size digits, extensions and the line end one byte at a time, without buffering. */
    private void sizeLine(ByteBuffer in) {
        while (in.hasRemaining() && (state == State.SIZE || state == State.EXTENSION || state == State.SIZE_LF)) {
            byte b = in.get();
            offset++;
            if (state == State.SIZE) {
                int v = WireChars.HEX_VALUE[b & 0xFF];
                if (v >= 0) {
                    if (++digits > limits.maxChunkSizeDigits()) {
                        throw new HttpParseException(HttpParseException.Violation.CHUNK_SIZE_TOO_LONG, offset - 1,
                                "chunk size exceeds maxChunkSizeDigits=" + limits.maxChunkSizeDigits() + " (read "
                                        + digits + " hex digits)");
                    }
                    if (size > (Long.MAX_VALUE >> 4)) {
                        throw new HttpParseException(HttpParseException.Violation.CHUNK_SIZE_TOO_LONG, offset - 1,
                                "chunk size overflows a 63-bit length after " + digits + " hex digits");
                    }
                    size = (size << 4) | v;
                    continue;
                }
                if (digits == 0) {
                    throw badSize(b, "a chunk size must start with a hex digit");
                }
                if (b == ';' || b == ' ' || b == '\t') {
                    state = State.EXTENSION;
                    extensionBytes = 1;
                    continue;
                }
                lineEnd(b);
            } else if (state == State.EXTENSION) {
                if (b == '\r' || b == '\n') {
                    lineEnd(b);
                    continue;
                }
                if (!WireChars.isValueByte(b)) {
                    throw badSize(b, "chunk extensions may not hold control characters");
                }
                if (++extensionBytes > limits.maxChunkExtensionBytes()) {
                    throw new HttpParseException(HttpParseException.Violation.CHUNK_EXTENSION_TOO_LONG, offset - 1,
                            "chunk extension exceeds maxChunkExtensionBytes=" + limits.maxChunkExtensionBytes()
                                    + " (read " + extensionBytes + ")");
                }
            } else {
                if (b != '\n') {
                    throw b == '\r' ? badSize(b, "CR CR in size line") : FieldSection.bareCr(offset - 2, "chunk size line");
                }
                sizeLineDone();
            }
        }
    }

    private void lineEnd(byte b) {
        if (b == '\r') {
            state = State.SIZE_LF;
        } else if (b == '\n') {
            if (strict) {
                throw new HttpParseException(HttpParseException.Violation.BARE_LF, offset - 1,
                        "chunk size line ends with LF alone; requests must use CR LF (RFC 9112 §2.2, §7.1)");
            }
            sizeLineDone();
        } else {
            throw badSize(b, "expected hex digits, ';' or CR LF");
        }
    }

    private void sizeLineDone() {
        if (size == 0) {
            state = State.TRAILERS;
            lines = new LineReader();
            fields = new FieldSection(strict);
        } else {
            remaining = size;
            state = State.DATA;
        }
        size = 0;
        digits = 0;
        extensionBytes = 0;
    }

    private void dataEnd(byte b) {
        offset++;
        if (state == State.DATA_CR && b == '\r') {
            state = State.DATA_LF;
        } else if (b == '\n' && (state == State.DATA_LF || !strict)) {
            state = State.SIZE;
        } else {
            throw new HttpParseException(HttpParseException.Violation.BAD_CHUNK_END, offset - 1,
                    "chunk data is not followed by CR LF (found " + WireChars.describe(b)
                            + "); the chunk size does not match its data (RFC 9112 §7.1)");
        }
    }

    /** Reads trailer lines; {@link #offset} stays at the start of the trailer section meanwhile. */
    private void trailerLines(ByteBuffer in) {
        while (state == State.TRAILERS) {
            int n = lines.read(in, limits.maxTrailerBytes() - trailerBytes);
            if (n == LineReader.NEED_MORE) {
                return;
            }
            long lineStart = offset + trailerBytes;
            if (n == LineReader.TOO_LONG) {
                throw new HttpParseException(HttpParseException.Violation.TRAILER_SECTION_TOO_LARGE,
                        lineStart + lines.length(), "trailer section exceeds maxTrailerBytes=" + limits.maxTrailerBytes()
                                + " (read " + (trailerBytes + lines.length()) + " without reaching its end)");
            }
            if (strict && lines.bareLf()) {
                throw new HttpParseException(HttpParseException.Violation.BARE_LF, lineStart + n,
                        "trailer line ends with LF alone; requests must use CR LF (RFC 9112 §2.2)");
            }
            trailerBytes += lines.length();
            if (n == 0) {
                trailers = fields.toHeaders();
                offset += trailerBytes;
                state = State.DONE;
                return;
            }
            fields.addLine(lines.buffer(), lines.start(), n, lineStart, limits.maxHeaderCount(), lines.clean());
        }
    }

    @Override
    public boolean isComplete() {
        return state == State.DONE;
    }

    @Override
    public void endOfInput() {
        if (state != State.DONE) {
            throw new HttpParseException(HttpParseException.Violation.TRUNCATED, offset,
                    "connection closed inside a chunked body (state " + state + "); the last chunk never came");
        }
    }

    @Override
    public Headers trailers() {
        return trailers;
    }

    private HttpParseException badSize(byte b, String why) {
        return new HttpParseException(HttpParseException.Violation.BAD_CHUNK_SIZE, offset - 1,
                "bad chunk size line: " + WireChars.describe(b) + " in state " + state + ": " + why + " (RFC 9112 §7.1)");
    }
}
