package dev.courier.multipart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file received in a {@code multipart/form-data} body: its field name, filename, content type,
 * headers, size and content, kept in memory when small and in a temporary file otherwise (the
 * file is deleted when the {@link MultipartForm} is closed). For example:
 *
 * <pre>{@code
 * FormFile photo = form.file("photo");
 * photo.saveTo(Path.of("uploads", "beach.jpg"));
 * }</pre>
 */
public final class FormFile {

    private final String name;
    private final String filename;
    private final PartHeaders headers;
    private final long size;
    private final byte[] bytes;
    private final Path path;
    private final MultipartForm owner;

    FormFile(String name, String filename, PartHeaders headers, long size, byte[] bytes, Path path,
            MultipartForm owner) {
        this.name = name;
        this.filename = filename;
        this.headers = headers;
        this.size = size;
        this.bytes = bytes;
        this.path = path;
        this.owner = owner;
    }

    /** Returns the form field name. */
    public String name() {
        return name;
    }

    /** Returns the filename the sender gave, as sent (may be empty; never a safe path as is). */
    public String filename() {
        return filename;
    }

    /** Returns the part's {@code Content-Type}, or null when the sender gave none. */
    public String contentType() {
        return headers.get("Content-Type");
    }

    /** Returns all of the part's headers, in order. */
    public PartHeaders headers() {
        return headers;
    }

    /** Returns the content length in bytes. */
    public long size() {
        return size;
    }

    /** Returns true when the content is held in memory rather than in a temporary file. */
    public boolean isInMemory() {
        return bytes != null;
    }

    /** Returns the temporary file holding the content, or null when it is in memory. */
    public Path path() {
        return path;
    }

    /** Returns a new stream over the content. */
    public InputStream open() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        owner.checkOpen();
        return Files.newInputStream(path);
    }

    /** Returns the content as bytes; for spilled files this reads the temporary file. */
    public byte[] bytes() throws IOException {
        if (bytes != null) {
            return bytes.clone();
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** Copies the content to {@code target}, replacing it; returns {@code target}. */
    public Path saveTo(Path target) throws IOException {
        try (InputStream in = open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public String toString() {
        return "FormFile{name=" + name + ", filename=" + filename + ", contentType=" + contentType()
                + ", size=" + size + (bytes != null ? ", in memory}" : ", at " + path + "}");
    }
}
