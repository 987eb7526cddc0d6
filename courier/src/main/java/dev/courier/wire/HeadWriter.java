package dev.courier.wire;

import dev.courier.http.Headers;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Writes request and response heads as ISO-8859-1 bytes with CR LF line ends.
 *
 * <p>The parts were validated when the head was built (method a token, target and reason free of
 * CR, LF and NUL, Headers validated by their builder), so writing cannot split a message. The
 * length is computed first, then every character is written once into the destination: no String
 * concatenation. Lifecycle:
 * <ol>
 *   <li>Keep one writer per connection (it owns a reusable array).</li>
 *   <li>Call {@link #encode(RequestHead)} / {@link #encode(ResponseHead)} for a view of the bytes
 *       valid until the next call, or {@link #write(RequestHead, ByteBuffer)} to write into your
 *       buffer.</li>
 * </ol>
 * Not thread-safe.
 */
public final class HeadWriter {

    private byte[] buf = new byte[512];

    /** Returns a writer with an empty reusable buffer. */
    public HeadWriter() {
    }

    /** Returns the number of bytes {@code head} takes on the wire. */
    public static int encodedLength(RequestHead head) {
        return head.method().name().length() + 1 + head.target().length() + 1 + 8 + 2 + fieldsLength(head.headers()) + 2;
    }

    /** Returns the number of bytes {@code head} takes on the wire. */
    public static int encodedLength(ResponseHead head) {
        return 8 + 1 + 3 + 1 + head.reason().length() + 2 + fieldsLength(head.headers()) + 2;
    }

    /**
     * Writes {@code head} into {@code out} from its position and returns the byte count.
     *
     * @throws BufferOverflowException if {@code out} has less room than
     *     {@link #encodedLength(RequestHead)}; nothing is written then
     */
    public int write(RequestHead head, ByteBuffer out) {
        ByteBuffer bytes = encode(head);
        if (out.remaining() < bytes.remaining()) {
            throw new BufferOverflowException();
        }
        int n = bytes.remaining();
        out.put(bytes);
        return n;
    }

    /**
     * Writes {@code head} into {@code out} from its position and returns the byte count.
     *
     * @throws BufferOverflowException if {@code out} has too little room; nothing is written then
     */
    public int write(ResponseHead head, ByteBuffer out) {
        ByteBuffer bytes = encode(head);
        if (out.remaining() < bytes.remaining()) {
            throw new BufferOverflowException();
        }
        int n = bytes.remaining();
        out.put(bytes);
        return n;
    }

    /** Returns the bytes of {@code head} in a view of this writer's array, valid until the next call. */
    public ByteBuffer encode(RequestHead head) {
        int len = encodedLength(head);
        byte[] b = ensure(len);
        int p = put(b, 0, head.method().name());
        b[p++] = ' ';
        p = put(b, p, head.target());
        b[p++] = ' ';
        p = put(b, p, head.version().text());
        p = crlf(b, p);
        p = putFields(b, p, head.headers());
        p = crlf(b, p);
        return ByteBuffer.wrap(b, 0, p);
    }

    /** Returns the bytes of {@code head} in a view of this writer's array, valid until the next call. */
    public ByteBuffer encode(ResponseHead head) {
        int len = encodedLength(head);
        byte[] b = ensure(len);
        int p = put(b, 0, head.version().text());
        b[p++] = ' ';
        int s = head.status();
        b[p++] = (byte) ('0' + s / 100);
        b[p++] = (byte) ('0' + s / 10 % 10);
        b[p++] = (byte) ('0' + s % 10);
        b[p++] = ' ';
        p = put(b, p, head.reason());
        p = crlf(b, p);
        p = putFields(b, p, head.headers());
        p = crlf(b, p);
        return ByteBuffer.wrap(b, 0, p);
    }

    /** Returns a new array holding the bytes of {@code head}. */
    public static byte[] toBytes(RequestHead head) {
        ByteBuffer view = new HeadWriter().encode(head);
        return Arrays.copyOf(view.array(), view.remaining());
    }

    /** Returns a new array holding the bytes of {@code head}. */
    public static byte[] toBytes(ResponseHead head) {
        ByteBuffer view = new HeadWriter().encode(head);
        return Arrays.copyOf(view.array(), view.remaining());
    }

    /** Writes the fields of {@code headers} plus the final empty line; used for trailers too. */
    static int fieldsLength(Headers headers) {
        int n = 0;
        for (int i = 0, size = headers.size(); i < size; i++) {
            n += headers.name(i).length() + 2 + headers.value(i).length() + 2;
        }
        return n;
    }

    static int putFields(byte[] b, int p, Headers headers) {
        for (int i = 0, size = headers.size(); i < size; i++) {
            p = put(b, p, headers.name(i));
            b[p++] = ':';
            b[p++] = ' ';
            p = put(b, p, headers.value(i));
            p = crlf(b, p);
        }
        return p;
    }

    private byte[] ensure(int len) {
        if (buf.length < len) {
            buf = new byte[Math.max(len, buf.length * 2)];
        }
        return buf;
    }

    /** Copies the ISO-8859-1 characters of {@code s}; validation guaranteed none is above U+00FF. */
    private static int put(byte[] b, int p, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            b[p++] = (byte) s.charAt(i);
        }
        return p;
    }

    private static int crlf(byte[] b, int p) {
        b[p] = '\r';
        b[p + 1] = '\n';
        return p + 2;
    }
}
