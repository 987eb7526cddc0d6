package dev.courier.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A decoded {@code multipart/form-data} body: text {@link #fields()} and {@link #files()}, each
 * by name with values in the order sent. Close it to delete the temporary files that hold large
 * uploads. For example:
 *
 * <pre>{@code
 * try (MultipartForm form = MultipartForm.read(in, request.header("Content-Type"))) {
 *     String title = form.field("title");
 *     FormFile photo = form.file("photo");
 * }
 * }</pre>
 *
 * <p>A part with a {@code filename} parameter is a file, any other a field (RFC 7578 §4.2); a
 * field's text is decoded with the charset of its {@code Content-Type} when given, else UTF-8.
 */
public final class MultipartForm implements AutoCloseable {

    /** Werkzeug's spooling threshold (500 KiB): smaller files stay in memory, larger spill to disk. */
    public static final long DEFAULT_MEMORY_THRESHOLD = 500 * 1024;
    /** Heap held by one form, fields and in-memory files together: 16 MiB, 32 full-size spools. */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 16 * 1024 * 1024;

    private final Map<String, List<String>> fields;
    private final Map<String, List<FormFile>> files;
    private final List<Path> tempFiles;
    private volatile boolean closed;

    MultipartForm(Map<String, List<String>> fields, Map<String, List<FormFile>> files, List<Path> tempFiles) {
        this.fields = fields;
        this.files = files;
        this.tempFiles = tempFiles;
    }

    /** Decodes a whole form from {@code in} (not closed) with default limits. */
    public static MultipartForm read(InputStream in, String contentType) throws IOException {
        return builder(contentType).read(in);
    }

    /**
     * Returns a builder for a body of this {@code Content-Type}, to change limits or feed bytes.
     *
     * @throws MultipartException when it is not multipart or has no boundary parameter
     */
    public static Builder builder(String contentType) {
        return new Builder(contentType);
    }

    /** Returns the text fields: name to values in the order sent (unmodifiable). */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** Returns the first value of field {@code name}, or null. */
    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null ? null : v.get(0);
    }

    /** Returns the files: field name to files in the order sent (unmodifiable). */
    public Map<String, List<FormFile>> files() {
        return files;
    }

    /** Returns the first file sent as {@code name}, or null. */
    public FormFile file(String name) {
        List<FormFile> v = files.get(name);
        return v == null ? null : v.get(0);
    }

    /** Deletes the temporary files; in-memory content stays readable. Safe to call twice. */
    @Override
    public void close() throws IOException {
        closed = true;
        deleteAll(tempFiles);
    }

    void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the MultipartForm was closed, which deleted its temporary files;"
                    + " read or save uploads before closing it");
        }
    }

    static void deleteAll(List<Path> paths) throws IOException {
        IOException first = null;
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Sets the limits and where spilled files go, then decodes. */
    public static final class Builder {
        final MultipartParser.Builder parser;
        long memoryThreshold = DEFAULT_MEMORY_THRESHOLD;
        long maxMemoryBytes = DEFAULT_MAX_MEMORY_BYTES;
        Path tempDir;

        private Builder(String contentType) {
            this.parser = MultipartParser.builder(contentType);
        }

        /** Sets the most parts accepted (default {@value MultipartParser#DEFAULT_MAX_PARTS}). */
        public Builder maxParts(int maxParts) {
            parser.maxParts(maxParts);
            return this;
        }

        /** Sets the largest header section of one part, in bytes. */
        public Builder maxPartHeaderBytes(int bytes) {
            parser.maxPartHeaderBytes(bytes);
            return this;
        }

        /** Sets the largest body accepted, in bytes. */
        public Builder maxTotalBytes(long bytes) {
            parser.maxTotalBytes(bytes);
            return this;
        }

        /** Sets the size above which a file goes to a temporary file (0: always). */
        public Builder memoryThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("memoryThreshold must be >= 0, got " + bytes);
            }
            this.memoryThreshold = bytes;
            return this;
        }

        /** Sets the most bytes of fields and in-memory files held at once. */
        public Builder maxMemoryBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxMemoryBytes must be >= 0, got " + bytes);
            }
            this.maxMemoryBytes = bytes;
            return this;
        }

        /** Sets the directory for temporary files (default: the system's temporary directory). */
        public Builder tempDir(Path dir) {
            this.tempDir = dir;
            return this;
        }

        /** Returns a sans-IO decoder: feed it slices, then call {@code finish()}. */
        public FormDecoder decoder() {
            return new FormDecoder(this);
        }

        /** Decodes the whole form from {@code in} (not closed). */
        public MultipartForm read(InputStream in) throws IOException {
            FormDecoder d = decoder();
            byte[] buf = new byte[16 * 1024];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            try {
                // Bounded by the stream, which maxTotalBytes bounds.
                for (int n; (n = in.read(buf)) >= 0; ) {
                    bb.clear().limit(n);
                    d.feed(bb);
                }
            } catch (IOException | RuntimeException e) {
                d.abort();
                throw e;
            }
            return d.finish();
        }
    }
}
