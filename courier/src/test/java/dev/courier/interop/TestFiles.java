package dev.courier.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Files made at test time: pseudo-random content (so a lost or swapped block changes the hash) and its SHA-256. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes {@code size} pseudo-random bytes from {@code seed} to {@code file} and returns their
     * SHA-256 in lower-case hex. One 1 MiB block is generated and each copy is stamped with its
     * index, which is fast and still makes every MiB different.
     */
    static String writeRandom(Path file, long size, long seed) throws IOException {
        byte[] block = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < block.length; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8; j++) {
                block[i + j] = (byte) (v >>> (8 * j));
            }
        }
        MessageDigest sha = sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long index = 0;
            for (long left = size; left > 0; index++) {
                ByteBuffer.wrap(block).putLong(0, index ^ seed);
                int n = (int) Math.min(block.length, left);
                sha.update(block, 0, n);
                ByteBuffer buf = ByteBuffer.wrap(block, 0, n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                left -= n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Returns the SHA-256 of {@code bytes} in lower-case hex. */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
