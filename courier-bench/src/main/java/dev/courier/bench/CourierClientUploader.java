package dev.courier.bench;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.multipart.Multipart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Courier's client posting {@code Body.multipart(Multipart.form().file("f", path).build())}
 * through one {@link Session} (keep-alive, {@code TCP_NODELAY}), reading the sink's answer. Unlike
 * {@value Uploaders#COURIER_ENCODER}, this is the whole client: head, framing, pool and the
 * encoder together.
 */
final class CourierClientUploader implements Uploader {

    private final Session session = Session.builder()
            .writeTimeout(Duration.ofMinutes(2))
            .readTimeout(Duration.ofMinutes(2))
            .build();

    @Override
    public void upload(Path file, int port) throws IOException {
        Body body = Body.multipart(Multipart.form().file("f", file).build());
        Response response = session.post("http://127.0.0.1:" + port + "/upload", body);
        if (response.statusCode() != 200) {
            throw new IOException("sink answered " + response.statusCode());
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
