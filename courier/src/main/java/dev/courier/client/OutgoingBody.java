package dev.courier.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/** A request body as the transport sees it: a length (or -1 for chunked) and a way to write it. */
public interface OutgoingBody {

    /** Returns the exact length in bytes, or -1 when unknown (the body is then sent chunked). */
    long length();

    /** Returns true when {@link #writeTo} can be called again (for a redirect or a retry). */
    boolean isReplayable();

    /** Writes the whole body to {@code out}; may be called again only when replayable. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Returns an open channel of the file this body is, or null when it is not a whole file; a
     * plain connection then sends it with sendfile. The transport closes the channel.
     */
    default FileChannel openFile() throws IOException {
        return null;
    }
}
