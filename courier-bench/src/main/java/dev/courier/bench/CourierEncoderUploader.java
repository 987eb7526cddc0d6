package dev.courier.bench;

import dev.courier.multipart.Multipart;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Courier's multipart encoder writing to a plain keep-alive {@code SocketChannel} after a
 * hand-written head whose Content-Length is {@link Multipart#contentLength()}. This is the encoder
 * alone (with its {@code transferTo} path for file parts); {@link CourierClientUploader} is the
 * whole client.
 */
final class CourierEncoderUploader implements Uploader {

    private final SocketUploads socket = new SocketUploads();

    @Override
    public void upload(Path file, int port) throws IOException {
        Multipart body = Multipart.form().file("f", file).build();
        body.writeTo(socket.begin(port, body.contentType(), body.contentLength()));
        socket.finish();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
