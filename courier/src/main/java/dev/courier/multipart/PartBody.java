package dev.courier.multipart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The content of one part: bytes in memory, a file streamed from disk, or a caller's one-shot
 * {@link InputStream}. Each kind knows its length (or -1), whether it can be produced again, and
 * how to write itself to a {@link BodySink.Writer}.
 */
abstract class PartBody {

    /** Returns the exact length in bytes, or -1 when unknown until the end of a stream. */
    abstract long length();

    /** Returns true when the content can be produced again (a retry or a 307/308 redirect). */
    abstract boolean isReplayable();

    /** Returns the content when it is in memory, else null (streamed content is not scanned). */
    byte[] inMemory() {
        return null;
    }

    /** Writes the whole content and returns the number of bytes written. */
    abstract long writeTo(BodySink.Writer out) throws IOException;

    /** Opens the content as a stream that yields exactly {@link #length()} bytes when known. */
    abstract InputStream open() throws IOException;

    static PartBody of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static PartBody of(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not a regular file: " + file
                        + "; give the path of an existing file");
            }
            return new FileBody(file, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    static PartBody of(InputStream in, long length) {
        if (length < -1) {
            throw new IllegalArgumentException("stream length " + length + " is negative; give -1 for unknown");
        }
        return new Stream(in, length);
    }

    /** Content held in memory. */
    static final class Bytes extends PartBody {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        long length() {
            return bytes.length;
        }

        @Override
        boolean isReplayable() {
            return true;
        }

        @Override
        byte[] inMemory() {
            return bytes;
        }

        @Override
        long writeTo(BodySink.Writer out) throws IOException {
            out.write(bytes, 0, bytes.length);
            return bytes.length;
        }

        @Override
        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A file whose size was read when the part was built; it must not change before sending. */
    static final class FileBody extends PartBody {
        final Path path;
        private final long size;

        FileBody(Path path, long size) {
            this.path = path;
            this.size = size;
        }

        @Override
        long length() {
            return size;
        }

        @Override
        boolean isReplayable() {
            return true;
        }

        @Override
        long writeTo(BodySink.Writer out) throws IOException {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                checkSize(ch.size());
                long n = out.transferFile(ch, size);
                checkSize(n);
                return n;
            }
        }

        @Override
        InputStream open() throws IOException {
            checkSize(Files.size(path));
            return new Exact(Files.newInputStream(path), size, path.toString());
        }

        /** The Content-Length was promised from the size at build time: a changed file breaks it. */
        private void checkSize(long now) throws IOException {
            if (now != size) {
                throw new IOException("file " + path + " changed size from " + size + " to " + now
                        + " bytes after the multipart body was built; the announced Content-Length"
                        + " would be wrong. Build the body again after the file stops changing");
            }
        }
    }

    /** A caller's stream: read once, then closed. */
    static final class Stream extends PartBody {
        private final InputStream in;
        private final long length;
        private final AtomicBoolean used = new AtomicBoolean();

        Stream(InputStream in, long length) {
            this.in = in;
            this.length = length;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        boolean isReplayable() {
            return false;
        }

        @Override
        long writeTo(BodySink.Writer out) throws IOException {
            try (InputStream src = open()) {
                byte[] buf = out.buffer();
                long total = 0;
                for (int n; (n = src.read(buf, 0, buf.length)) >= 0; ) {
                    out.write(buf, 0, n);
                    total += n;
                }
                return total;
            }
        }

        @Override
        InputStream open() {
            if (!used.compareAndSet(false, true)) {
                throw new IllegalStateException("this multipart body has an InputStream part that was"
                        + " already sent; a one-shot stream cannot be sent twice (isReplayable() is"
                        + " false). Use a Path or byte[] part to allow retries and redirects");
            }
            return length < 0 ? in : new Exact(in, length, "stream part");
        }
    }

    /** Yields exactly {@code length} bytes of {@code in}; fails when it ends early. */
    static final class Exact extends InputStream {
        private final InputStream in;
        private final String what;
        private final long length;
        private final byte[] one = new byte[1];
        private long left;

        Exact(InputStream in, long length, String what) {
            this.in = in;
            this.length = length;
            this.left = length;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException(what + " ended after " + (length - left) + " of its declared "
                        + length + " bytes; the announced Content-Length would be wrong");
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
