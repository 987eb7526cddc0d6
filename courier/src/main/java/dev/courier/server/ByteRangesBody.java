package dev.courier.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The body of a 206 answering several ranges of one file: {@code multipart/byteranges}
 * (RFC 9110 §14.6). Each part is a delimiter line, its {@code Content-Type} and
 * {@code Content-Range}, a blank line and the range's bytes; the length is known before the
 * first byte is sent, so the reply has a {@code Content-Length}.
 *
 * <p>The boundary is 32 random hexadecimal digits: the chance that they occur in the file is
 * negligible, and unlike a counter they cannot be predicted to build a file that contains them.
 */
final class ByteRangesBody {

    private final Path file;
    private final ByteRanges ranges;
    private final String boundary;
    /** parts[i] is the text before range i; parts[count] is the closing delimiter. */
    private final byte[][] parts;
    private final long length;

    ByteRangesBody(Path file, ByteRanges ranges, long fileSize, String contentType) {
        this.file = file;
        this.ranges = ranges;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.boundary = hex(random.nextLong()) + hex(random.nextLong());
        int n = ranges.count();
        this.parts = new byte[n + 1][];
        long total = 0;
        for (int i = 0; i < n; i++) {
            // The first delimiter needs no CRLF before it (RFC 2046 §5.1.1); the others end the part before.
            String head = (i == 0 ? "" : "\r\n") + "--" + boundary + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Range: bytes " + ranges.first(i) + "-" + ranges.last(i) + "/" + fileSize + "\r\n\r\n";
            parts[i] = head.getBytes(StandardCharsets.ISO_8859_1);
            total += parts[i].length + ranges.last(i) - ranges.first(i) + 1;
        }
        parts[n] = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.length = total + parts[n].length;
    }

    /** Returns the reply's Content-Type, naming the boundary. */
    String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** Returns the exact number of body bytes. */
    long length() {
        return length;
    }

    /** Returns a stream of the whole body; it opens the file on its first read and closes it on close. */
    InputStream open() {
        return new Stream();
    }

    private static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }

    /** Walks the segments in order: text before range 0, range 0, text before range 1, ..., closing text. */
    private final class Stream extends InputStream {
        private FileChannel channel;
        /** Even: the text parts[segment / 2]; odd: range segment / 2. */
        private int segment;
        /** How far into the current segment. */
        private long offset;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            // Bounded: each round moves to the next segment, of which there are 2 × count + 1.
            while (segment <= 2 * ranges.count()) {
                int index = segment / 2;
                if (segment % 2 == 0) {
                    byte[] text = parts[index];
                    if (offset < text.length) {
                        int n = (int) Math.min(len, text.length - offset);
                        System.arraycopy(text, (int) offset, b, off, n);
                        offset += n;
                        return n;
                    }
                } else {
                    long size = ranges.last(index) - ranges.first(index) + 1;
                    if (offset < size) {
                        if (channel == null) {
                            channel = FileChannel.open(file, StandardOpenOption.READ);
                        }
                        int want = (int) Math.min(len, size - offset);
                        int n = channel.read(ByteBuffer.wrap(b, off, want), ranges.first(index) + offset);
                        if (n < 0) {
                            throw new IOException("file " + file.getFileName() + " shrank while its ranges were sent: "
                                    + "no byte at " + (ranges.first(index) + offset));
                        }
                        offset += n;
                        return n;
                    }
                }
                segment++;
                offset = 0;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
