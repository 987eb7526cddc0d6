package dev.courier.client;

import dev.courier.http.Headers;
import dev.courier.wire.ChunkedEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The stream a request body writes into: counts bytes and, for a body of unknown length, wraps
 * each write in a chunk (RFC 9112 §7.1). A fixed-length body that writes more or fewer bytes than
 * it declared fails, since the peer would misread the next message.
 */
abstract class BodySink extends OutputStream {

    protected final Connection connection;
    protected long written;

    private BodySink(Connection connection) {
        this.connection = connection;
    }

    static BodySink fixed(Connection c, long length) {
        return new Fixed(c, length);
    }

    static BodySink chunked(Connection c) {
        return new Chunked(c);
    }

    long bytesWritten() {
        return written;
    }

    /** Ends the body: checks the length or writes the last chunk. */
    abstract void finish() throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    private static final class Fixed extends BodySink {
        private final long length;

        Fixed(Connection c, long length) {
            super(c);
            this.length = length;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > length) {
                throw new IOException("the body wrote more than its declared length of " + length + " bytes");
            }
            connection.write(b, off, len);
            written += len;
        }

        @Override
        void finish() throws IOException {
            if (written != length) {
                throw new IOException("the body wrote " + written + " bytes but declared " + length);
            }
        }
    }

    private static final class Chunked extends BodySink {
        private final ByteBuffer frame = ByteBuffer.allocate(ChunkedEncoder.MAX_CHUNK_HEADER_BYTES + 8);

        Chunked(Connection c) {
            super(c);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return; // a zero-size chunk would end the body
            }
            frame.clear();
            ChunkedEncoder.writeChunkHeader(len, frame);
            connection.write(frame.array(), 0, frame.position());
            connection.write(b, off, len);
            frame.clear();
            ChunkedEncoder.writeChunkEnd(frame);
            connection.write(frame.array(), 0, frame.position());
            written += len;
        }

        @Override
        void finish() throws IOException {
            frame.clear();
            ChunkedEncoder.writeLastChunk(Headers.empty(), frame);
            connection.write(frame.array(), 0, frame.position());
        }
    }
}
