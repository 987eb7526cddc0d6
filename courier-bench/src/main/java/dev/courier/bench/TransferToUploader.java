package dev.courier.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The floor of the multipart benchmark: the file's bytes sent with {@code FileChannel.transferTo}
 * after a head, with no multipart framing at all. No uploader can beat it by much; the gap to it is
 * what a library costs.
 */
final class TransferToUploader implements Uploader {

    @Override
    public void upload(Path file, int port) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            try (SocketChannel ch = SocketUploads.open(port, "application/octet-stream", size)) {
                long sent = 0;
                while (sent < size) {
                    sent += in.transferTo(sent, size - sent, ch);
                }
                SocketUploads.expectOk(ch);
            }
        }
    }
}
