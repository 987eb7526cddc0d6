package dev.courier.multipart;

/**
 * Receives upload progress while a multipart body is written.
 *
 * <p>Called on the writing thread after each chunk leaves the encoder, so keep it cheap (update a
 * counter or a progress bar). For example:
 *
 * <pre>{@code
 * body.writeTo(out, (sent, total) -> bar.update(sent, total));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that does nothing. */
    ProgressListener NONE = (sent, total) -> { };

    /**
     * Reports that {@code sent} bytes of the body have been written so far.
     *
     * @param sent bytes written so far, growing with each call
     * @param total the body's exact length, or -1 when a part has no known length (chunked)
     */
    void onProgress(long sent, long total);
}
