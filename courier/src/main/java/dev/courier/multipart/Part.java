package dev.courier.multipart;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One part of a multipart body to send: its name, optional filename, optional content type, extra
 * headers in order, and its content (a String, bytes, a file streamed from disk, or a stream).
 *
 * <p>The rules follow urllib3's {@code RequestField}: a null filename writes no {@code filename}
 * parameter; a content type left unset is guessed for file parts (a filename or a {@link Path}
 * body) from the name and is absent for plain fields; {@code contentType(null)} writes none. For
 * example:
 *
 * <pre>{@code
 * Part p = Part.builder().name("meta").filename("meta.json").contentType("application/json")
 *     .header("X-Trace", "abc").body("{\"a\":1}").build();
 * }</pre>
 */
public final class Part {

    private final String name;
    private final String filename;
    private final String contentType;
    private final PartHeaders headers;
    private final PartBody body;

    private Part(Builder b, String contentType) {
        this.name = b.name;
        this.filename = b.filename;
        this.contentType = contentType;
        this.headers = b.headers.build();
        this.body = b.body;
    }

    /** Returns true when the content is a file, which a channel receives by transferTo. */
    boolean isFile() {
        return body instanceof PartBody.FileBody;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the form field name, or null (parts of {@code mixed}, {@code related}, ...). */
    public String name() {
        return name;
    }

    /** Returns the filename parameter, or null when none is written. */
    public String filename() {
        return filename;
    }

    /** Returns the {@code Content-Type} written for this part, or null when none is written. */
    public String contentType() {
        return contentType;
    }

    /** Returns the extra headers, written in order after {@code Content-Type}. */
    public PartHeaders headers() {
        return headers;
    }

    /** Returns the content length in bytes, or -1 for a stream of unknown length. */
    public long length() {
        return body.length();
    }

    /** Returns true when the content can be produced again (not a one-shot stream). */
    public boolean isReplayable() {
        return body.isReplayable();
    }

    PartBody body() {
        return body;
    }

    @Override
    public String toString() {
        return "Part{name=" + name + ", filename=" + filename + ", contentType=" + contentType
                + ", length=" + length() + "}";
    }

    /** Collects and checks the pieces of a {@link Part}. */
    public static final class Builder {
        private String name;
        private String filename;
        private String contentType;
        private boolean contentTypeSet;
        private PartHeaders.Builder headers = PartHeaders.builder();
        private PartBody body;
        private Path path;

        private Builder() {}

        /** Sets the form field name (required in {@code multipart/form-data}). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the filename parameter; null (the default) writes none. */
        public Builder filename(String filename) {
            this.filename = filename;
            return this;
        }

        /** Sets the {@code Content-Type}; null writes none. Unset: guessed for file parts. */
        public Builder contentType(String contentType) {
            if (contentType != null) {
                PartHeaders.checkValue("Content-Type", contentType);
            }
            this.contentType = contentType;
            this.contentTypeSet = true;
            return this;
        }

        /** Adds an extra header, written after {@code Content-Type} in the order added. */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Replaces the extra headers. */
        public Builder headers(PartHeaders headers) {
            this.headers = headers.newBuilder();
            return this;
        }

        /** Sets the content to the UTF-8 bytes of {@code text}. */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets the content to {@code bytes} (not copied: do not change the array afterwards). */
        public Builder body(byte[] bytes) {
            this.body = PartBody.of(Objects.requireNonNull(bytes, "bytes"));
            this.path = null;
            return this;
        }

        /** Sets the content to a file, streamed when sent; its size is read now. */
        public Builder body(Path file) {
            this.body = PartBody.of(Objects.requireNonNull(file, "file"));
            this.path = file;
            return this;
        }

        /** Sets the content to a one-shot stream of unknown length (the body is sent chunked). */
        public Builder body(InputStream in) {
            return body(in, -1);
        }

        /** Sets the content to a one-shot stream of exactly {@code length} bytes (-1: unknown). */
        public Builder body(InputStream in, long length) {
            this.body = PartBody.of(Objects.requireNonNull(in, "in"), length);
            this.path = null;
            return this;
        }

        /**
         * Returns the part.
         *
         * @throws IllegalArgumentException when no content was given, or when an extra header
         *     repeats one the encoder writes itself ({@code Content-Type}, or
         *     {@code Content-Disposition} alongside a name or filename)
         */
        public Part build() {
            if (body == null) {
                throw new IllegalArgumentException("part " + (name == null ? "" : Escape.quote(name) + " ")
                        + "has no content; call body(...) with a String, byte[], Path or InputStream");
            }
            PartHeaders extra = headers.build();
            if (extra.get("Content-Type") != null) {
                throw new IllegalArgumentException("part " + name + ": give the type with contentType(...)"
                        + ", not as an extra Content-Type header, so it is written once and in urllib3's place");
            }
            if (extra.get("Content-Disposition") != null && (name != null || filename != null)) {
                throw new IllegalArgumentException("part " + name + ": Content-Disposition is written from"
                        + " name and filename; drop the extra header or leave name and filename unset");
            }
            String type = contentType;
            if (!contentTypeSet) {
                if (filename != null) {
                    type = ContentTypes.guess(filename);
                } else if (path != null) {
                    Path leaf = path.getFileName();
                    type = ContentTypes.guess(leaf == null ? null : leaf.toString());
                }
            }
            return new Part(this, type);
        }
    }
}
