package dev.courier.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The uploaders the multipart benchmark compares, by the name shown in the results.
 *
 * <p>{@value #COURIER_ENCODER} is Courier's multipart encoder alone, writing to a plain socket
 * channel after a hand-written request head: it isolates the encoder's cost from the client's.
 * {@code "courier"} is the whole client ({@link CourierClientUploader}: the same multipart body
 * posted through a {@code Session}).
 */
final class Uploaders {

    /** The floor: the head, then the file straight to the socket with {@code FileChannel.transferTo}. */
    static final String FLOOR = "transferTo";

    static final String COURIER_ENCODER = "courier-encoder";

    private Uploaders() {
    }

    /** Returns a factory per uploader name, in the order the results list them. */
    static Map<String, Supplier<Uploader>> all() {
        Map<String, Supplier<Uploader>> m = new LinkedHashMap<>();
        m.put("courier", CourierClientUploader::new);
        m.put(COURIER_ENCODER, CourierEncoderUploader::new);
        m.put("okhttp", OkHttpUploader::new);
        m.put("apache-hc5", ApacheUploader::new);
        m.put(FLOOR, TransferToUploader::new);
        return m;
    }
}
