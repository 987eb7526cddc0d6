package dev.courier.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans and comparisons of byte arrays eight bytes at a time ("SWAR": SIMD within a register).
 *
 * <p>The Java 17 JIT does not vectorise loops that stop early, such as "find the first control
 * byte"; reading a long at a time and testing all eight bytes with a few arithmetic operations
 * does the same work in about an eighth of the iterations. Each method gives exactly the answer
 * of the obvious per-byte loop (the tests compare them on random input).
 */
final class ByteScan {

    /** Reads eight bytes of an array at any index as one little-endian long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** Returns a long with the high bit of each byte of {@code x} that is zero set (and maybe above it). */
    private static long zeroBytes(long x) {
        // Subtracting 1 borrows out of a zero byte, which had no high bit. A borrow can also flag
        // a byte above a flagged one, never below, so the lowest flag is always exact.
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /** Returns the index of the first byte in {@code a[from, to)} below 0x20 or equal to 0x7F, or {@code to}. */
    static int firstControl(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i);
            // Below 0x20: subtracting 0x20 borrows and the byte had no high bit (same borrow
            // argument as zeroBytes); DEL: x ^ 0x7F is a zero byte.
            long hits = ((x - 0x20 * ONES) & ~x & HIGH_BITS) | zeroBytes(x ^ (0x7F * ONES));
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < to; i++) {
            int b = a[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                return i;
            }
        }
        return to;
    }

    /** Returns the index of the first {@code b} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, int from, int to, byte b) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long hits = zeroBytes((long) LONGS.get(a, i) ^ pattern);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Returns true when {@code a[off, off + b.length)} equals all of {@code b}; the range must be inside {@code a}. */
    static boolean regionEquals(byte[] a, int off, byte[] b) {
        int len = b.length;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if ((long) LONGS.get(a, off + i) != (long) LONGS.get(b, i)) {
                return false;
            }
        }
        for (; i < len; i++) {
            if (a[off + i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
