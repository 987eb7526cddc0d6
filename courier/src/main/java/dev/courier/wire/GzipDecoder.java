package dev.courier.wire;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * Streams the gzip content coding (RFC 1952, RFC 9110 §8.4.1.3): parses each member's header
 * (FEXTRA, FNAME, FCOMMENT and FHCRC included), inflates the raw deflate data and checks the
 * trailer's CRC-32 and ISIZE. Concatenated members decode as one stream, as gzip(1) does.
 *
 * <p>Bytes after a member that do not start another member are refused rather than silently
 * dropped. An empty body decodes to nothing. See {@link ContentDecoder} for the lifecycle.
 */
public final class GzipDecoder implements ContentDecoder {

    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED = 0xE0;

    /** Where the decoder is within the current member. */
    public enum State {
        /** The fixed ten bytes: magic, method, flags, mtime, xfl, os. */
        HEADER,
        /** The two-byte length of FEXTRA. */
        EXTRA_LENGTH,
        /** The FEXTRA bytes. */
        EXTRA,
        /** The zero-terminated FNAME. */
        NAME,
        /** The zero-terminated FCOMMENT. */
        COMMENT,
        /** The two-byte header CRC of FHCRC. */
        HEADER_CRC,
        /** Deflate data. */
        DATA,
        /** CRC-32 and ISIZE, eight bytes. */
        TRAILER,
        /** A member ended; another may follow. */
        MEMBER_END,
        /** The data was corrupt. */
        FAILED
    }

    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private State state = State.HEADER;
    private long offset;
    private int flags;
    /** Bytes read of the current fixed-size field. */
    private int got;
    /** Little-endian value gathered from the current fixed-size field. */
    private long field;
    private int extraRemaining;
    private long isize;
    private int members;

    /** Returns a decoder for one gzip body. */
    public GzipDecoder() {
    }

    /** Returns the state. */
    public State state() {
        return state;
    }

    @Override
    public int decode(ByteBuffer in, ByteBuffer out) {
        if (state == State.FAILED) {
            throw new IllegalStateException("gzip decoder state: FAILED");
        }
        try {
            return advance(in, out);
        } catch (HttpParseException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private int advance(ByteBuffer in, ByteBuffer out) {
        int written = 0;
        while (true) {
            if (state == State.DATA) {
                if (!out.hasRemaining()) {
                    return written;
                }
                int before = in.position();
                int n = InflaterSupport.inflate(inflater, in, out, crc, offset);
                offset += in.position() - before;
                written += n;
                isize += n;
                if (inflater.finished()) {
                    state = State.TRAILER;
                    got = 0;
                    field = 0;
                    continue;
                }
                if (n == 0 && in.position() == before) {
                    return written;
                }
                continue;
            }
            if (!in.hasRemaining()) {
                return written;
            }
            headerOrTrailerByte(in.get() & 0xFF);
            offset++;
        }
    }

    private void headerOrTrailerByte(int b) {
        switch (state) {
            case MEMBER_END:
                if (b != 0x1F) {
                    throw bad(b, "bytes after gzip member " + members + " do not start another member");
                }
                state = State.HEADER;
                got = 0;
                headerCrc.reset();
                headerCrc.update(b);
                fixedHeaderByte(b);
                break;
            case HEADER:
                headerCrc.update(b);
                fixedHeaderByte(b);
                break;
            case EXTRA_LENGTH:
                headerCrc.update(b);
                field |= (long) b << (8 * got++);
                if (got == 2) {
                    extraRemaining = (int) field;
                    state = extraRemaining > 0 ? State.EXTRA : nextAfter(FEXTRA);
                }
                break;
            case EXTRA:
                headerCrc.update(b);
                if (--extraRemaining == 0) {
                    state = nextAfter(FEXTRA);
                }
                break;
            case NAME:
            case COMMENT:
                headerCrc.update(b);
                if (b == 0) {
                    state = nextAfter(state == State.NAME ? FNAME : FCOMMENT);
                }
                break;
            case HEADER_CRC:
                field |= (long) b << (8 * got++);
                if (got == 2) {
                    long expected = headerCrc.getValue() & 0xFFFF;
                    if (field != expected) {
                        throw new HttpParseException(HttpParseException.Violation.GZIP_CHECKSUM_MISMATCH, offset,
                                String.format("gzip header CRC is 0x%04X but the header hashes to 0x%04X (RFC 1952 §2.3.1)",
                                        field, expected));
                    }
                    state = State.DATA;
                }
                break;
            case TRAILER:
                field |= (long) b << (8 * got++);
                if (got == 4) {
                    if (field != crc.getValue()) {
                        throw new HttpParseException(HttpParseException.Violation.GZIP_CHECKSUM_MISMATCH, offset,
                                String.format("gzip CRC-32 mismatch: trailer says 0x%08X, data hashes to 0x%08X;"
                                        + " the body is corrupt", field, crc.getValue()));
                    }
                    field = 0;
                } else if (got == 8) {
                    long size = field >>> 32;
                    if (size != (isize & 0xFFFFFFFFL)) {
                        throw new HttpParseException(HttpParseException.Violation.GZIP_CHECKSUM_MISMATCH, offset,
                                "gzip ISIZE mismatch: trailer says " + size + " bytes, decoded " + isize);
                    }
                    endMember();
                }
                break;
            default:
                throw new IllegalStateException("gzip decoder state: " + state);
        }
    }

    private void fixedHeaderByte(int b) {
        switch (got) {
            case 0:
                if (b != 0x1F) {
                    throw bad(b, "gzip data must start with 1F 8B");
                }
                break;
            case 1:
                if (b != 0x8B) {
                    throw bad(b, "gzip data must start with 1F 8B");
                }
                break;
            case 2:
                if (b != 8) {
                    throw bad(b, "compression method must be 8 (deflate)");
                }
                break;
            case 3:
                if ((b & RESERVED) != 0) {
                    throw bad(b, "reserved flag bits are set");
                }
                flags = b;
                break;
            default:
                break;
        }
        if (++got == 10) {
            got = 0;
            field = 0;
            state = (flags & FEXTRA) != 0 ? State.EXTRA_LENGTH : nextAfter(FEXTRA);
        }
    }

    /** Returns the state that follows the optional header part {@code done}. */
    private State nextAfter(int done) {
        got = 0;
        field = 0;
        if (done == FEXTRA && (flags & FNAME) != 0) {
            return State.NAME;
        }
        if (done != FCOMMENT && (flags & FCOMMENT) != 0) {
            return State.COMMENT;
        }
        return (flags & FHCRC) != 0 ? State.HEADER_CRC : State.DATA;
    }

    private void endMember() {
        members++;
        inflater.reset();
        crc.reset();
        isize = 0;
        state = State.MEMBER_END;
    }

    @Override
    public boolean isFinished() {
        return state == State.MEMBER_END;
    }

    @Override
    public void endOfInput() {
        boolean empty = state == State.HEADER && got == 0 && members == 0 && offset == 0;
        if (state != State.MEMBER_END && !empty) {
            throw new HttpParseException(HttpParseException.Violation.TRUNCATED, offset,
                    "gzip data ends inside member " + (members + 1) + " (state " + state + "); the body was cut short");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }

    private HttpParseException bad(int b, String why) {
        return new HttpParseException(HttpParseException.Violation.BAD_GZIP_HEADER, offset,
                "bad gzip header: " + WireChars.describe(b) + ": " + why + " (RFC 1952 §2.3)");
    }
}
