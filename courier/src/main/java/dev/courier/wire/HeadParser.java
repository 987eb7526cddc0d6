package dev.courier.wire;

import dev.courier.http.Headers;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An incremental parser of one message head (start line and header section), fed bytes in
 * slices of any size. It never reads a socket: the caller owns the buffer and the I/O.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>Make one per connection: {@link #forRequests(WireLimits)} for a server (strict),
 *       {@link #forResponses(WireLimits)} for a client (tolerant).</li>
 *   <li>Call {@link #parse(ByteBuffer)} with whatever bytes arrived. It returns null when the
 *       head is not complete yet (all given bytes were taken; call again with more), or the head,
 *       having taken exactly the head's bytes: the body or the next pipelined message stays in
 *       the buffer from its position on.</li>
 *   <li>Read the body with {@link BodyDecoder#forFraming} using the head's framing.</li>
 *   <li>Call {@link #reset()} before the next message on the same connection.</li>
 * </ol>
 * A broken rule or limit throws {@link HttpParseException}; the parser then stays
 * {@link State#FAILED} and the connection should be closed (after a server has sent
 * {@link HttpParseException#suggestedStatus()}).
 *
 * <p><b>Strict</b> (requests) refuses bare LF line ends, obs-fold, bare CR, whitespace before a
 * colon, invalid tokens, targets and values, versions other than 1.0 and 1.1, a missing or
 * repeated Host in HTTP/1.1 and every ambiguous body length. <b>Tolerant</b> (responses) also
 * accepts bare LF, obs-fold (joined with SP), an empty or missing reason phrase, but never an
 * ambiguous body length. Both skip empty lines before the start line (RFC 9112 §2.2), counting
 * them against the start-line limit. Not thread-safe.
 *
 * @param <H> {@link RequestHead} or {@link ResponseHead}
 */
public abstract class HeadParser<H> {

    /** Where the parser is within a head. */
    public enum State {
        /** Reading the request or status line (or empty lines before it). */
        START_LINE,
        /** Reading field lines up to the empty line. */
        HEADERS,
        /** A head was returned; call {@link #reset()} for the next one. */
        DONE,
        /** A rule was broken; the parser cannot continue. */
        FAILED
    }

    final WireLimits limits;
    final boolean strict;
    final LineReader lines = new LineReader();
    final FieldSection fields;
    private State state = State.START_LINE;
    /** Bytes of this head consumed before the current line. */
    long offset;
    private int headerBytes;

    HeadParser(WireLimits limits, boolean strict) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.strict = strict;
        this.fields = new FieldSection(strict);
    }

    /** Returns a strict parser of request heads, for a server. */
    public static HeadParser<RequestHead> forRequests(WireLimits limits) {
        return new RequestHeadParser(limits);
    }

    /** Returns a tolerant parser of response heads, for a client. */
    public static HeadParser<ResponseHead> forResponses(WireLimits limits) {
        return new ResponseHeadParser(limits);
    }

    /**
     * Parses as much of the head as {@code in} holds. Returns the complete head, having advanced
     * {@code in} to just past its empty line, or null when more bytes are needed (then all of
     * {@code in} was taken).
     *
     * @throws HttpParseException if the bytes break a rule or limit
     * @throws IllegalStateException if called after a head or failure without {@link #reset()}
     */
    public final H parse(ByteBuffer in) {
        if (state == State.DONE || state == State.FAILED) {
            throw new IllegalStateException("parser state: " + state + "; call reset() before parsing the next head");
        }
        try {
            return advance(in);
        } catch (HttpParseException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private H advance(ByteBuffer in) {
        while (state == State.START_LINE) {
            // Empty lines before the start line count against its limit too.
            int n = lines.read(in, limits.maxStartLineBytes() - (int) offset);
            if (n == LineReader.NEED_MORE) {
                return null;
            }
            if (n == LineReader.TOO_LONG) {
                throw startLineTooLong((int) offset + lines.length());
            }
            checkLineEnd(n);
            if (n > 0) {
                // Start-line parsers index from 0; one copy per head is cheap.
                lines.compact();
                parseStartLine(lines.buffer(), n);
                state = State.HEADERS;
            }
            offset += lines.length();
        }
        while (true) {
            int n = lines.read(in, limits.maxHeaderBytes() - headerBytes);
            if (n == LineReader.NEED_MORE) {
                return null;
            }
            if (n == LineReader.TOO_LONG) {
                int read = headerBytes + lines.length();
                throw new HttpParseException(HttpParseException.Violation.HEADER_SECTION_TOO_LARGE, offset + lines.length(),
                        "header section exceeds maxHeaderBytes=" + limits.maxHeaderBytes() + " (read " + read
                                + " without reaching its end); raise WireLimits.maxHeaderBytes if the peer is trusted");
            }
            checkLineEnd(n);
            long lineStart = offset;
            headerBytes += lines.length();
            offset += lines.length();
            if (n == 0) {
                H head = finish(fields.toHeaders(), offset);
                state = State.DONE;
                return head;
            }
            fields.addLine(lines.buffer(), lines.start(), n, lineStart, limits.maxHeaderCount(), lines.clean());
        }
    }

    private void checkLineEnd(int n) {
        if (strict && lines.bareLf()) {
            throw new HttpParseException(HttpParseException.Violation.BARE_LF, offset + n,
                    "line " + WireChars.quote(lines.buffer(), lines.start(), n) + " ends with LF alone; requests must use CR LF"
                            + " (RFC 9112 §2.2; Courier's server does not accept bare LF)");
        }
    }

    /** Returns the state, e.g. {@link State#HEADERS} while field lines are arriving. */
    public final State state() {
        return state;
    }

    /** Returns the bytes taken for the current head so far (all of it once DONE). */
    public final long bytesConsumed() {
        return offset + lines.pending();
    }

    /** Makes the parser ready for the next head, keeping its buffers. */
    public void reset() {
        state = State.START_LINE;
        offset = 0;
        headerBytes = 0;
        lines.clear();
        fields.clear();
    }

    /** Parses the start line held in {@code line[0, len)}; {@link #offset} is its start. */
    abstract void parseStartLine(byte[] line, int len);

    /** Builds the head from the parsed start line and {@code headers}; {@code end} is the head's length. */
    abstract H finish(Headers headers, long end);

    abstract HttpParseException startLineTooLong(int read);

    /** Counts fields with known id {@code id}. */
    final int countFields(int id) {
        int c = 0;
        for (int i = 0; i < fields.count(); i++) {
            if (fields.id(i) == id) {
                c++;
            }
        }
        return c;
    }

    /** Returns true when any field is Content-Length or Transfer-Encoding. */
    final boolean hasLengthFields() {
        for (int i = 0; i < fields.count(); i++) {
            int id = fields.id(i);
            if (id == FieldNames.CONTENT_LENGTH || id == FieldNames.TRANSFER_ENCODING) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the value of the one Content-Length field when it is the only length field (the
     * common case, decided by field id without comparing names), else null.
     */
    final String singleContentLength() {
        String value = null;
        for (int i = 0; i < fields.count(); i++) {
            int id = fields.id(i);
            if (id == FieldNames.TRANSFER_ENCODING || (id == FieldNames.CONTENT_LENGTH && value != null)) {
                return null;
            }
            if (id == FieldNames.CONTENT_LENGTH) {
                value = fields.value(i);
            }
        }
        return value;
    }
}
