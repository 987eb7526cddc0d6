package dev.courier.server;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content of a {@link Reply}: nothing, bytes in memory, a stream, or a region of a file.
 *
 * <p>The connection loop frames each kind by its {@link #length()}: a known length becomes
 * {@code Content-Length}, an unknown one ({@code -1}, streams only) chunked coding on HTTP/1.1 or
 * close-delimited on HTTP/1.0. A {@link FileRegion} lets the loop send the bytes with
 * {@code FileChannel.transferTo} on plain connections.
 */
public abstract class ReplyBody {

    private ReplyBody() {
    }

    /** Returns the body's length in bytes, or {@code -1} when it is not known in advance. */
    public abstract long length();

    /** Returns the empty body (status-only replies, redirects, 204, 304). */
    public static ReplyBody empty() {
        return Empty.INSTANCE;
    }

    /** No content. */
    public static final class Empty extends ReplyBody {
        static final Empty INSTANCE = new Empty();

        private Empty() {
        }

        /** Returns 0. */
        @Override
        public long length() {
            return 0;
        }

        @Override
        public String toString() {
            return "empty";
        }
    }

    /**
     * Content held in memory. The array is not copied (a copy per reply would double the cost of
     * every small response); whoever creates the body must not change it afterwards.
     */
    public static final class Bytes extends ReplyBody {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = Objects.requireNonNull(bytes, "bytes");
        }

        /** Returns the content; callers must not modify the array. */
        public byte[] bytes() {
            return bytes;
        }

        /** Returns the array's length. */
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public String toString() {
            return "bytes(" + bytes.length + ")";
        }
    }

    /**
     * Content read from a stream, once. The connection loop reads it to its end (or for
     * {@link #length()} bytes when known) and then closes it, also when sending fails.
     */
    public static final class Stream extends ReplyBody {
        private final InputStream in;
        private final long length;

        Stream(InputStream in, long length) {
            this.in = Objects.requireNonNull(in, "in");
            if (length < -1) {
                throw new IllegalArgumentException("stream length must be >= 0, or -1 for unknown; got " + length);
            }
            this.length = length;
        }

        /** Returns the stream to read the content from. */
        public InputStream stream() {
            return in;
        }

        /** Returns the number of bytes the stream will give, or -1 when unknown. */
        @Override
        public long length() {
            return length;
        }

        @Override
        public String toString() {
            return "stream(" + (length < 0 ? "unknown length" : length) + ")";
        }
    }

    /** Content that is {@code length} bytes of a file starting at {@code offset}. */
    public static final class FileRegion extends ReplyBody {
        private final Path path;
        private final long offset;
        private final long length;

        FileRegion(Path path, long offset, long length) {
            this.path = Objects.requireNonNull(path, "path");
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException(
                        "file region needs offset >= 0 and length >= 0, got offset=" + offset + " length=" + length);
            }
            this.offset = offset;
            this.length = length;
        }

        /** Returns the file to send from. */
        public Path path() {
            return path;
        }

        /** Returns the position of the first byte to send. */
        public long offset() {
            return offset;
        }

        /** Returns the number of bytes to send. */
        @Override
        public long length() {
            return length;
        }

        @Override
        public String toString() {
            return "file(" + path + ", offset=" + offset + ", length=" + length + ")";
        }
    }
}
