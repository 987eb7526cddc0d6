package dev.courier.templates;

import java.io.Writer;
import java.util.Arrays;

/**
 * The writer a page is rendered into: a growing {@code char[]} with no lock and no per-character
 * work. Pebble writes each template's text as {@code char[]}; {@link java.io.StringWriter} (a
 * synchronized {@code StringBuffer}) checked every one of those characters for Latin-1
 * compaction as it appended them, a fifth of a page's rendering time in a profile of the pages
 * benchmark. Here text is copied with {@code System.arraycopy}, and {@link #toString()}
 * compacts the whole page once.
 */
final class PageWriter extends Writer {

    /** Most pages fit without growing: 16 Ki chars, about a 16 KiB page. */
    static final int INITIAL_CHARS = 16 * 1024;

    private char[] buf;
    private int count;

    PageWriter(int initialChars) {
        this.buf = new char[Math.max(16, initialChars)];
    }

    private void ensure(int more) {
        int need = count + more;
        if (need < 0) {
            throw new OutOfMemoryError("page larger than 2^31 characters");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        ensure(len);
        System.arraycopy(cbuf, off, buf, count, len);
        count += len;
    }

    @Override
    public void write(String s, int off, int len) {
        ensure(len);
        s.getChars(off, off + len, buf, count);
        count += len;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(int c) {
        ensure(1);
        buf[count++] = (char) c;
    }

    @Override
    public Writer append(CharSequence csq) {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    /** Returns the number of characters written. */
    int length() {
        return count;
    }

    @Override
    public String toString() {
        return new String(buf, 0, count);
    }

    @Override
    public void flush() {
        // Nothing is buffered elsewhere.
    }

    @Override
    public void close() {
        // Nothing to release: the array goes with the writer.
    }
}
