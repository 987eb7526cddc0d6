package dev.courier.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The floor of the multipart benchmark: the file's bytes sent with {@code FileChannel.transferTo}
 * on a keep-alive socket after a head, with no multipart framing at all. The gap to it is what a
 * library costs.
 */
final class TransferToUploader implements Uploader {

    private final SocketUploads socket = new SocketUploads();

    @Override
    public void upload(Path file, int port) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            SocketChannel ch = socket.begin(port, "application/octet-stream", size);
            long sent = 0;
            while (sent < size) {
                sent += in.transferTo(sent, size - sent, ch);
            }
            socket.finish();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
