package dev.courier.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The lazy {@link InputStream} view of a {@link Multipart}: walks the pieces recorded by
 * {@code writeOrCount}, opening each part's content only when reading reaches it.
 */
final class MultipartInputStream extends InputStream {

    private final List<Object> pieces;
    private final ProgressListener listener;
    private final long total;
    private final byte[] one = new byte[1];
    private int next;
    private InputStream current;
    private long sent;
    private boolean closed;

    MultipartInputStream(List<Object> pieces, ProgressListener listener, long total) {
        this.pieces = pieces;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("multipart body stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        // Bounded: each turn either returns or moves to the next of a finite list of pieces.
        while (true) {
            if (current == null) {
                if (next == pieces.size()) {
                    return -1;
                }
                Object piece = pieces.get(next++);
                current = piece instanceof byte[]
                        ? new java.io.ByteArrayInputStream((byte[]) piece)
                        : ((PartBody) piece).open();
            }
            int n = current.read(b, off, len);
            if (n > 0) {
                sent += n;
                listener.onProgress(sent, total);
                return n;
            }
            if (n < 0) {
                current.close();
                current = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
