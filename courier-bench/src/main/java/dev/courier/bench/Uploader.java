package dev.courier.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One way of uploading a file as {@code multipart/form-data} (one part named {@code f}) to the
 * {@link SinkServer}, as the multipart benchmark drives it. Lifecycle: created by {@link Uploaders},
 * {@link #upload} called repeatedly from one thread, then {@link #close}.
 */
interface Uploader extends Closeable {

    /**
     * Uploads {@code file} to {@code http://127.0.0.1:<port>/upload} and waits for the answer.
     *
     * @throws IOException when the sink does not answer 200 or the exchange fails
     */
    void upload(Path file, int port) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
