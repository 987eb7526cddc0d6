package dev.courier.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contents of small static files, kept in memory by one server so a request for one is a
 * single gathering write of head and body instead of open, sendfile and close.
 *
 * <p>An entry is used only while the file is the same: {@link StaticFiles} looks at the file on
 * every request anyway (an {@code lstat}), and an entry must match its file key (device and
 * inode), size and modification time, so an edited or replaced file is read again. Entries are
 * read-only direct buffers, which a socket write takes without another copy.
 *
 * <p>Bounded: files above {@link #DEFAULT_MAX_FILE_BYTES} are always sent with sendfile, and the
 * entries together stay under {@link #DEFAULT_MAX_TOTAL_BYTES}; adding past that first drops
 * entries in the map's own order (no recency bookkeeping on the read path, which many
 * connection threads share).
 */
final class FileContentCache {

    /**
     * Largest file kept: 256 KiB. Below it, opening and closing the file cost more than copying
     * it from memory; above it, the copy grows and sendfile (no copy through user space) wins.
     */
    static final int DEFAULT_MAX_FILE_BYTES = 256 * 1024;
    /** All entries together: 32 MiB, a bounded share of any server's memory. */
    static final long DEFAULT_MAX_TOTAL_BYTES = 32L * 1024 * 1024;

    private final int maxFileBytes;
    private final long maxTotalBytes;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();

    FileContentCache(int maxFileBytes, long maxTotalBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** One file's bytes and the attributes they were read under. */
    private static final class Entry {
        final Object fileKey;
        final long size;
        final FileTime modified;
        final ByteBuffer content;

        Entry(BasicFileAttributes attrs, ByteBuffer content) {
            this.fileKey = attrs.fileKey();
            this.size = attrs.size();
            this.modified = attrs.lastModifiedTime();
            this.content = content;
        }

        boolean matches(BasicFileAttributes attrs) {
            return fileKey != null && fileKey.equals(attrs.fileKey()) && size == attrs.size()
                    && modified.equals(attrs.lastModifiedTime());
        }
    }

    /**
     * Returns the whole content of {@code file}, whose attributes were just read as
     * {@code attrs}, as a fresh read-only view; null when the file is too large to keep, has no
     * file key to check it by, or did not hold {@code attrs.size()} bytes when read.
     */
    ByteBuffer content(Path file, BasicFileAttributes attrs) throws IOException {
        long size = attrs.size();
        if (size > maxFileBytes || attrs.fileKey() == null) {
            return null;
        }
        Entry e = entries.get(file);
        if (e != null && e.matches(attrs)) {
            return e.content.duplicate();
        }
        ByteBuffer content = read(file, (int) size);
        if (content == null) {
            return null;
        }
        Entry fresh = new Entry(attrs, content.asReadOnlyBuffer());
        Entry old = entries.put(file, fresh);
        long total = totalBytes.addAndGet(size - (old == null ? 0 : old.size));
        evictBeyondBudget(total, file);
        return fresh.content.duplicate();
    }

    /** Returns how many bytes the entries hold now. */
    long totalBytes() {
        return totalBytes.get();
    }

    /** Returns exactly {@code size} bytes of {@code file}, or null when it is shorter now. */
    private static ByteBuffer read(Path file, int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(size);
        try (FileChannel fc = FileChannel.open(file, StandardOpenOption.READ)) {
            // Bounded: each round reads at least one byte or ends at end of file.
            while (b.hasRemaining()) {
                if (fc.read(b, b.position()) < 0) {
                    return null; // shrank since its size was read: send it the uncached way
                }
            }
        }
        return b.flip();
    }

    private void evictBeyondBudget(long total, Path keep) {
        long t = total;
        // Bounded by the number of entries.
        for (Iterator<java.util.Map.Entry<Path, Entry>> it = entries.entrySet().iterator(); t > maxTotalBytes && it.hasNext(); ) {
            java.util.Map.Entry<Path, Entry> e = it.next();
            if (!Objects.equals(e.getKey(), keep) && entries.remove(e.getKey(), e.getValue())) {
                t = totalBytes.addAndGet(-e.getValue().size);
            }
        }
    }
}
