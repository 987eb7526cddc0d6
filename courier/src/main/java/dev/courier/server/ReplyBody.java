package dev.courier.server;

import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a {@link Reply}: nothing, bytes in memory, a stream, a region of a file, or a
 * template the router renders later.
 *
 * <p>The connection loop frames each kind by its {@link #length()}: a known length becomes
 * {@code Content-Length}, an unknown one ({@code -1}, streams only) chunked coding on HTTP/1.1 or
 * close-delimited on HTTP/1.0. A {@link FileRegion} lets the loop send the bytes with
 * {@code FileChannel.transferTo} on plain connections. A {@link Template} never reaches the loop:
 * the {@link Router} turns it into {@link Bytes} before its after filters run.
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
        /** The file's attributes when the region was made, or null: lets the server keep small files in memory. */
        final BasicFileAttributes attrs;

        FileRegion(Path path, long offset, long length) {
            this(path, offset, length, null);
        }

        FileRegion(Path path, long offset, long length, BasicFileAttributes attrs) {
            this.path = Objects.requireNonNull(path, "path");
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException(
                        "file region needs offset >= 0 and length >= 0, got offset=" + offset + " length=" + length);
            }
            this.offset = offset;
            this.length = length;
            this.attrs = attrs;
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

    /**
     * A template still to be rendered, as {@link Reply#render} makes it: the {@link Router}
     * renders it with its {@link Router#templates engine} and the current request, so tests can
     * also look at which template a handler chose and with what model.
     */
    public static final class Template extends ReplyBody {
        private final String name;
        private final Map<String, Object> model;

        Template(String name, Map<String, ?> model) {
            Objects.requireNonNull(name, "template");
            Objects.requireNonNull(model, "model");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("template name is empty; give a name such as \"page.html\"");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : model.entrySet()) {
                // A copy, so the reply stays what the handler returned; null values are allowed,
                // as templates test for them.
                copy.put(Objects.requireNonNull(e.getKey(), "model key"), e.getValue());
            }
            this.name = name;
            this.model = Collections.unmodifiableMap(copy);
        }

        /** Returns the template's name, e.g. {@code "items.html"}. */
        public String name() {
            return name;
        }

        /** Returns the model (unmodifiable; the request is added only when rendering). */
        public Map<String, Object> model() {
            return model;
        }

        /** Returns -1: the length is known only once rendered. */
        @Override
        public long length() {
            return -1;
        }

        /** Returns the error for a template reply that reached the wire without a router to render it. */
        IllegalStateException notRendered() {
            return new IllegalStateException("Reply.render(" + Escape.quote(name) + ", ...) is rendered by a Router:"
                    + " serve it through a Router and register the engine with router.templates(engine)");
        }

        @Override
        public String toString() {
            return "template(" + name + ")";
        }
    }
}
