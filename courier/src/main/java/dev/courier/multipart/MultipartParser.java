package dev.courier.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A streaming, sans-IO decoder for any {@code multipart/*} body (RFC 2046 §5.1, RFC 7578).
 *
 * <p>Lifecycle:
 *
 * <ol>
 *   <li>{@link #forContentType(String, Listener)} (or a {@link Builder} to change the limits);
 *   <li>{@link #feed(ByteBuffer)} with slices of the body as they arrive, of any size: each call
 *       consumes the whole slice and reports parts to the {@link Listener} as
 *       {@code partStart(headers)}, {@code partData(slice)}..., {@code partEnd()};
 *   <li>{@link #finish()} at the end of input: fails unless the close delimiter was seen.
 * </ol>
 *
 * <p>The preamble and the epilogue are skipped (RFC 2046 §5.1.1), as is transport padding after
 * a boundary. A part's content is never buffered: a data slice is a view of the caller's input
 * (valid only during the call), except that up to {@code boundary.length() + 4} bytes that might
 * start a delimiter are held back until the next slice shows whether they do.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>default</th></tr>
 *   <tr><td>parts</td><td>{@value #DEFAULT_MAX_PARTS}</td></tr>
 *   <tr><td>header section of one part</td><td>{@value #DEFAULT_MAX_PART_HEADER_BYTES} bytes</td></tr>
 *   <tr><td>whole body, preamble and epilogue included</td><td>{@value #DEFAULT_MAX_TOTAL_BYTES} bytes</td></tr>
 * </table>
 */
public final class MultipartParser {

    /** Werkzeug's {@code max_form_parts} default, set after CVE-2023-25577 (part-count DoS). */
    public static final int DEFAULT_MAX_PARTS = 1000;
    /** Apache Commons FileUpload's {@code HEADER_PART_SIZE_MAX}; real part headers are under 1 KiB. */
    public static final int DEFAULT_MAX_PART_HEADER_BYTES = 10 * 1024;
    /** 4 GiB: room for the 1 GiB uploads Courier tests, a ceiling servers should lower. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;

    /** Receives the parts of a body as they are decoded. */
    public interface Listener {
        /** Called when part {@code index} (0-based) starts, with its headers in order. */
        void partStart(int index, PartHeaders headers);

        /** Called with the next slice of the current part's content; read it before returning. */
        void partData(ByteBuffer data);

        /** Called when the current part's content is complete. */
        void partEnd();
    }

    /** Where the parser stands; each step of {@link #feed} checks it. */
    enum State {
        /** Before the first boundary: bytes are ignored. */
        PREAMBLE,
        /** Just after {@code --boundary}: padding, then CRLF or "--". */
        AFTER_BOUNDARY,
        /** Saw {@code --boundary-}: expects the second '-' of the close delimiter. */
        AFTER_BOUNDARY_DASH,
        /** Saw CR after a boundary: expects LF. */
        AFTER_BOUNDARY_CR,
        /** Reading a part's header section up to the blank line. */
        HEADERS,
        /** Streaming a part's content up to the next delimiter. */
        BODY,
        /** After the close delimiter: bytes are ignored. */
        EPILOGUE,
        /** An error was thrown: the parser takes no more input. */
        FAILED
    }

    private final String boundary;
    /** CRLF "--" boundary: every delimiter after the first starts like this (RFC 2046 §5.1.1). */
    private final byte[] delimiter;
    private final ByteBuffer delimiterView;
    /** Horspool skip per byte value: how far the delimiter can move past a mismatching byte. */
    private final int[] skip = new int[256];
    private final Listener listener;
    private final int maxParts;
    private final int maxHeaderBytes;
    private final long maxTotalBytes;

    private State state = State.PREAMBLE;
    /** Bytes of {@link #delimiter} matched at the end of the previous slice. */
    private int matched = 2; // the body may open with "--boundary": act as if CRLF preceded it
    private byte[] headerBuf = new byte[256];
    private int headerLen;
    private long total;
    private int parts;

    private MultipartParser(Builder b, Listener listener) {
        this.boundary = b.boundary;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.delimiterView = ByteBuffer.wrap(delimiter).asReadOnlyBuffer();
        java.util.Arrays.fill(skip, delimiter.length);
        for (int j = 0; j < delimiter.length - 1; j++) {
            skip[delimiter[j] & 0xff] = delimiter.length - 1 - j;
        }
        this.listener = listener;
        this.maxParts = b.maxParts;
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxTotalBytes = b.maxTotalBytes;
    }

    /** Returns a parser with default limits for a body of this {@code Content-Type}. */
    public static MultipartParser forContentType(String contentType, Listener listener) {
        return builder(contentType).build(listener);
    }

    /**
     * Returns a builder for a body of this {@code Content-Type}.
     *
     * @throws MultipartException when it is not {@code multipart/*} or has no usable boundary
     */
    public static Builder builder(String contentType) {
        return new Builder(Boundary.fromContentType(contentType));
    }

    /** Decodes a whole stream (not closed) with default limits, then calls {@link #finish()}. */
    public static void parse(InputStream in, String contentType, Listener listener) throws IOException {
        forContentType(contentType, listener).readFrom(in);
    }

    /** Feeds everything {@code in} yields (not closed), then calls {@link #finish()}. */
    public void readFrom(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        // Bounded by the stream's length, which maxTotalBytes bounds in turn.
        for (int n; (n = in.read(buf)) >= 0; ) {
            bb.clear().limit(n);
            feed(bb);
        }
        finish();
    }

    /** Returns true once the close delimiter has been seen. */
    public boolean isComplete() {
        return state == State.EPILOGUE;
    }

    State state() {
        return state;
    }

    /**
     * Consumes all of {@code input}, reporting what it completes to the listener.
     *
     * @throws MultipartException on malformed input or a limit passed
     */
    public void feed(ByteBuffer input) {
        if (state == State.FAILED) {
            throw new IllegalStateException("this MultipartParser failed earlier and takes no more input");
        }
        try {
            consume(input);
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private void consume(ByteBuffer input) {
        total += input.remaining();
        if (total > maxTotalBytes) {
            throw fail("body exceeds maxTotalBytes=" + maxTotalBytes + " (read " + total
                    + "); raise the limit if such bodies are expected");
        }
        // Each turn consumes at least one byte or finishes the slice.
        while (input.hasRemaining()) {
            switch (state) {
                case PREAMBLE:
                case BODY:
                    scan(input);
                    break;
                case AFTER_BOUNDARY:
                    afterBoundary(input.get());
                    break;
                case AFTER_BOUNDARY_DASH:
                    if (input.get() != '-') {
                        throw fail("expected \"--\" closing the boundary --" + boundary + " or CRLF");
                    }
                    state = State.EPILOGUE;
                    break;
                case AFTER_BOUNDARY_CR:
                    if (input.get() != '\n') {
                        throw fail("expected LF after CR ending the boundary line --" + boundary);
                    }
                    startHeaders();
                    break;
                case HEADERS:
                    readHeaders(input);
                    break;
                case EPILOGUE:
                    input.position(input.limit()); // RFC 2046 §5.1.1: the epilogue is ignored
                    break;
                default:
                    throw new IllegalStateException("state: " + state);
            }
        }
    }

    /**
     * Signals the end of input.
     *
     * @throws MultipartException when the close delimiter has not been seen
     */
    public void finish() {
        if (state != State.EPILOGUE) {
            String where = parts == 0 ? "before the first boundary (is the boundary right?)"
                    : "in part #" + parts;
            throw new MultipartException("multipart body ended before the closing boundary --" + boundary
                    + "--; read " + total + " bytes, " + where + "; the upload was cut short"
                    + " (state " + state + ")");
        }
    }

    /** Finds the next delimiter; content before it goes to the listener unless in the preamble. */
    private void scan(ByteBuffer in) {
        if (matched > 0) {
            while (in.hasRemaining() && matched < delimiter.length && in.get(in.position()) == delimiter[matched]) {
                in.position(in.position() + 1);
                matched++;
            }
            if (matched == delimiter.length) {
                delimiterFound();
                return;
            }
            if (!in.hasRemaining()) {
                return; // still a candidate: wait for more
            }
            // Not a delimiter after all: the held-back bytes were content. CR occurs in the
            // delimiter only at index 0, so no later delimiter can start inside them.
            emit(delimiterView.duplicate().limit(matched));
            matched = 0;
        }
        int start = in.position();
        int limit = in.limit();
        int last = delimiter.length - 1;
        int i = start;
        // Boyer-Moore-Horspool: look at the byte under the delimiter's last position and skip as
        // far as the table allows; random content moves ~delimiter.length bytes per look.
        while (i + last < limit) {
            byte b = in.get(i + last);
            if (b == delimiter[last] && matchesAt(in, i)) {
                emit(in.duplicate().position(start).limit(i));
                in.position(i + delimiter.length);
                delimiterFound();
                return;
            }
            i += skip[b & 0xff];
        }
        // Fewer than delimiter.length bytes remain: a delimiter may start here and finish in the
        // next slice. The skips above cannot have passed such a start: a skip only passes
        // alignments where the byte it looked at differs from the delimiter, and that byte lies
        // inside any partial match starting there too.
        for (; i < limit; i++) {
            if (in.get(i) != '\r') {
                continue;
            }
            int k = 1;
            while (i + k < limit && in.get(i + k) == delimiter[k]) {
                k++;
            }
            if (i + k == limit) {
                emit(in.duplicate().position(start).limit(i));
                in.position(limit);
                matched = k;
                return;
            }
        }
        emit(in.duplicate().position(start).limit(limit));
        in.position(limit);
    }

    private boolean matchesAt(ByteBuffer in, int at) {
        for (int k = 0; k < delimiter.length - 1; k++) {
            if (in.get(at + k) != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private void emit(ByteBuffer slice) {
        if (state == State.BODY && slice.hasRemaining()) {
            listener.partData(slice.slice().asReadOnlyBuffer());
        }
    }

    private void delimiterFound() {
        if (state == State.BODY) {
            listener.partEnd();
        }
        state = State.AFTER_BOUNDARY;
        matched = 0;
        headerLen = 0; // reused to count transport padding
    }

    private void afterBoundary(byte c) {
        if (c == '-' && headerLen == 0) {
            state = State.AFTER_BOUNDARY_DASH;
        } else if (c == ' ' || c == '\t') {
            // RFC 2046 §5.1.1 transport-padding; bounded by the header limit.
            if (++headerLen > maxHeaderBytes) {
                throw fail("transport padding after the boundary exceeds maxPartHeaderBytes=" + maxHeaderBytes);
            }
        } else if (c == '\r') {
            state = State.AFTER_BOUNDARY_CR;
        } else {
            throw fail("unexpected byte " + Escape.quote(new byte[] {c}, 0, 1) + " after --" + boundary
                    + "; a boundary line must end with CRLF, or \"--\" for the last one. Does the content"
                    + " hold the boundary?");
        }
    }

    private void startHeaders() {
        if (parts == maxParts) {
            throw fail("body has more than maxParts=" + maxParts + " parts; raise the limit if such forms are expected");
        }
        parts++;
        headerLen = 0;
        state = State.HEADERS;
    }

    private void readHeaders(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (headerLen == maxHeaderBytes) {
                throw fail("header section of part #" + parts + " exceeds maxPartHeaderBytes=" + maxHeaderBytes
                        + " (read " + headerLen + " bytes without the blank line that ends it: "
                        + Escape.quote(headerBuf, 0, headerLen) + ")");
            }
            byte c = in.get();
            if (headerLen == headerBuf.length) {
                headerBuf = java.util.Arrays.copyOf(headerBuf, Math.min(maxHeaderBytes, headerLen * 2));
            }
            headerBuf[headerLen++] = c;
            if (c == '\n' && (headerLen == 2 && headerBuf[0] == '\r' || endsWithBlankLine())) {
                PartHeaders headers;
                try {
                    headers = PartHeaderSection.parse(headerBuf, headerLen - 2);
                } catch (IllegalArgumentException e) {
                    throw fail("part #" + parts + ": " + e.getMessage(), e);
                }
                state = State.BODY;
                matched = 0;
                listener.partStart(parts - 1, headers);
                return;
            }
        }
    }

    private boolean endsWithBlankLine() {
        return headerLen >= 4 && headerBuf[headerLen - 2] == '\r' && headerBuf[headerLen - 3] == '\n'
                && headerBuf[headerLen - 4] == '\r';
    }

    private MultipartException fail(String what) {
        return fail(what, null);
    }

    private MultipartException fail(String what, Throwable cause) {
        return new MultipartException("multipart: " + what + " (after " + total + " bytes, state " + state + ")",
                cause);
    }

    /** Holds the boundary and the limits of a parser. */
    public static final class Builder {
        private final String boundary;
        private int maxParts = DEFAULT_MAX_PARTS;
        private int maxHeaderBytes = DEFAULT_MAX_PART_HEADER_BYTES;
        private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;

        private Builder(String boundary) {
            this.boundary = boundary;
        }

        /** Sets the most parts accepted (default {@value MultipartParser#DEFAULT_MAX_PARTS}). */
        public Builder maxParts(int maxParts) {
            this.maxParts = positive("maxParts", maxParts);
            return this;
        }

        /** Sets the largest header section of one part, in bytes, CRLFs included. */
        public Builder maxPartHeaderBytes(int maxPartHeaderBytes) {
            this.maxHeaderBytes = positive("maxPartHeaderBytes", Math.max(maxPartHeaderBytes, 0));
            return this;
        }

        /** Sets the largest body accepted, in bytes, preamble and epilogue included. */
        public Builder maxTotalBytes(long maxTotalBytes) {
            if (maxTotalBytes < 1) {
                throw new IllegalArgumentException("maxTotalBytes must be at least 1, got " + maxTotalBytes);
            }
            this.maxTotalBytes = maxTotalBytes;
            return this;
        }

        /** Returns a parser that reports to {@code listener}. */
        public MultipartParser build(Listener listener) {
            return new MultipartParser(this, java.util.Objects.requireNonNull(listener, "listener"));
        }

        private static int positive(String what, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, got " + v);
            }
            return v;
        }
    }
}
