package dev.courier.multipart;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Child-JVM program for {@link StreamingMemoryTest}: encodes a 1 GiB sparse file part into a
 * hashing sink and prints what it saw. Run with a small {@code -Xmx} to prove that nothing is
 * held in memory.
 */
public final class LargeUploadProbe {

    static final long SIZE = 1L << 30;
    /** The bytes before the file's content, written out independently of the encoder. */
    static final String HEAD = "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbig\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"big\"; filename=\"big.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n";
    static final String TAIL = "\r\n--B--\r\n";

    private LargeUploadProbe() {}

    /** A sink channel that counts and CRCs what it is given, keeping nothing. */
    static final class HashingChannel implements WritableByteChannel {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            crc.update(src);
            count += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() { }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE); // sparse: no disk blocks, reads as zeros
        }
        try {
            long before = usedAfterGc();
            Multipart m = Multipart.form().boundary("B").field("title", "big").file("big", big).build();
            long announced = m.contentLength();
            HashingChannel sink = new HashingChannel();
            long[] calls = {0};
            long written = m.writeTo(sink, (sent, total) -> calls[0]++);
            long growth = usedAfterGc() - before;

            CRC32 want = new CRC32();
            want.update(HEAD.getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1 << 20];
            for (long left = SIZE; left > 0; left -= zeros.length) {
                want.update(zeros);
            }
            want.update(TAIL.getBytes(StandardCharsets.US_ASCII));
            System.out.println("announced=" + announced + " written=" + written + " sunk=" + sink.count
                    + " crcOk=" + (want.getValue() == sink.crc.getValue()) + " progressCalls=" + calls[0]
                    + " heapGrowth=" + growth);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
