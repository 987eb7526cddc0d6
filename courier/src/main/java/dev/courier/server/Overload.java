package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.wire.HeadWriter;
import dev.courier.wire.ResponseHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** The answer to a connection beyond {@link ServerLimits#maxConnections()}: 503, then close. */
final class Overload {

    private static final byte[] RESPONSE = HeadWriter.toBytes(ResponseHead.builder(503, "Service Unavailable")
            .headers(Headers.of("Content-Length", "0", "Connection", "close", "Retry-After", "1")).build());

    private Overload() {
    }

    /** Writes the 503 without blocking (it fits any socket buffer) and closes {@code ch}. */
    static void refuse(SocketChannel ch, ServerContext ctx) {
        try (ch) {
            ch.configureBlocking(false);
            ch.write(ByteBuffer.wrap(RESPONSE));
        } catch (IOException ignored) {
            // The client is refused either way.
        }
        ctx.log.log(System.Logger.Level.WARNING, () -> "refused a connection: maxConnections="
                + ctx.limits.maxConnections() + " are open");
    }
}
