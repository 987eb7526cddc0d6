package dev.courier.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

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

    /**
     * Returns a writer that sends this body straight to a socket channel, or null when the body
     * has no such path. Multipart bodies use it so that their file parts go out with
     * {@code FileChannel.transferTo} (sendfile) on plain connections; only bodies of known length
     * take it, since chunked framing needs a copy anyway.
     */
    default ChannelWriter channelWriter() {
        return null;
    }

    /** Writes a whole body to a blocking channel. */
    @FunctionalInterface
    interface ChannelWriter {
        /**
         * Writes the body to {@code channel}, calling {@code progressed} after each piece so the
         * transport can keep its write timeout per piece rather than for the whole body.
         */
        void writeTo(WritableByteChannel channel, Runnable progressed) throws IOException;
    }
}
