package dev.courier.multipart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Where {@link Multipart#writeOrCount} sends the pieces of a body: framing bytes and part
 * bodies. A null sink means "only count"; {@link Recorder} keeps the pieces for the lazy
 * {@code InputStream} view; {@link Writer} subclasses put bytes on an output.
 */
abstract class BodySink {

    /** Receives framing bytes (delimiters and part headers). */
    abstract void bytes(byte[] b) throws IOException;

    /** Receives a part body; returns how many bytes it produced. */
    abstract long body(PartBody body) throws IOException;

    /** Keeps the sequence of pieces, so the body can be produced later on demand. */
    static final class Recorder extends BodySink {
        private final List<Object> pieces;

        Recorder(List<Object> pieces) {
            this.pieces = pieces;
        }

        @Override
        void bytes(byte[] b) {
            pieces.add(b);
        }

        @Override
        long body(PartBody body) {
            pieces.add(body);
            return Math.max(0, body.length());
        }
    }

    /** Writes bytes to an output and reports progress after each chunk. */
    abstract static class Writer extends BodySink {
        /** Copy buffer size: large enough to amortise system calls, small enough to keep heap flat. */
        static final int BUFFER_SIZE = 64 * 1024;

        private final ProgressListener listener;
        private final long total;
        private long sent;
        private byte[] buffer;

        Writer(ProgressListener listener, long total) {
            this.listener = listener == null ? ProgressListener.NONE : listener;
            this.total = total;
        }

        /** Writes {@code b[off, off+len)} to the output. */
        abstract void write(byte[] b, int off, int len) throws IOException;

        /** Sends {@code count} bytes of {@code file} from its current position; returns count. */
        long transferFile(FileChannel file, long count) throws IOException {
            byte[] buf = buffer();
            ByteBuffer bb = ByteBuffer.wrap(buf);
            long left = count;
            while (left > 0) {
                bb.clear().limit((int) Math.min(buf.length, left));
                int n = file.read(bb);
                if (n < 0) {
                    break;
                }
                write(buf, 0, n);
                left -= n;
            }
            return count - left;
        }

        final byte[] buffer() {
            if (buffer == null) {
                buffer = new byte[BUFFER_SIZE];
            }
            return buffer;
        }

        final void advanced(long n) {
            sent += n;
            listener.onProgress(sent, total);
        }

        final long sent() {
            return sent;
        }

        @Override
        final void bytes(byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        @Override
        final long body(PartBody body) throws IOException {
            return body.writeTo(this);
        }
    }

    /** Writes to an {@link OutputStream}. */
    static final class ToStream extends Writer {
        private final OutputStream out;

        ToStream(OutputStream out, ProgressListener listener, long total) {
            super(listener, total);
            this.out = out;
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            advanced(len);
        }
    }

    /**
     * Writes to a {@link WritableByteChannel}; file parts go through
     * {@link FileChannel#transferTo}, which the JDK turns into sendfile/copy_file_range when the
     * target is a plain socket or file channel (zero copy) and into a buffered copy otherwise.
     */
    static final class ToChannel extends Writer {
        /** Largest transferTo call: keeps progress reports coming on multi-GiB files. */
        static final long TRANSFER_CHUNK = 8L * 1024 * 1024;

        private final WritableByteChannel out;

        ToChannel(WritableByteChannel out, ProgressListener listener, long total) {
            super(listener, total);
            this.out = out;
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            int stalls = 0;
            while (bb.hasRemaining()) {
                int n = out.write(bb);
                if (n == 0 && ++stalls > 1000) {
                    throw new IOException("channel accepted no bytes after 1000 writes;"
                            + " is it in non-blocking mode? Use a blocking channel");
                }
            }
            advanced(len);
        }

        @Override
        long transferFile(FileChannel file, long count) throws IOException {
            long pos = file.position();
            long done = 0;
            while (done < count) {
                long n = file.transferTo(pos + done, Math.min(TRANSFER_CHUNK, count - done), out);
                if (n <= 0) {
                    // Zero means end of file or a target that took nothing; the buffered path
                    // tells those apart and reports a short file.
                    file.position(pos + done);
                    return done + super.transferFile(file, count - done);
                }
                done += n;
                advanced(n);
            }
            file.position(pos + done);
            return done;
        }
    }
}
