package dev.courier.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable multipart body ({@code form-data}, {@code mixed}, {@code related} or
 * {@code alternative}) that streams its parts and knows its exact length before the first byte.
 *
 * <p>The bytes are those of urllib3 2.x's {@code encode_multipart_formdata} (and
 * requests-toolbelt's {@code MultipartEncoder}) for the same parts and boundary: for each part
 * {@code --boundary CRLF}, the headers, a blank line, the content, {@code CRLF}; then
 * {@code --boundary-- CRLF}. Lifecycle:
 *
 * <ol>
 *   <li>build it: {@code Multipart.form().field("title", "Holiday").file("photo", path).build()};
 *   <li>announce {@link #contentType()} and {@link #contentLength()} (-1: send it chunked);
 *   <li>write it with {@link #writeTo(WritableByteChannel, ProgressListener)} (file parts go
 *       through {@code FileChannel.transferTo}), {@link #writeTo(OutputStream)} or
 *       {@link #openStream()}; write it again only when {@link #isReplayable()}.
 * </ol>
 *
 * <p>The boundary is checked against parts held in memory; file and stream parts are trusted, as
 * in every other library, because scanning them would mean reading them twice (once to check,
 * once to send) and a random 128-bit boundary cannot be guessed by the file's author anyway.
 */
public final class Multipart {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String subtype;
    private final String boundary;
    private final String contentType;
    private final List<Part> parts;
    /** Per part: {@code --boundary CRLF}, header lines, blank line. Small, so kept in memory. */
    private final byte[][] heads;
    private final byte[] close;
    private final long contentLength;

    private Multipart(Builder b, String boundary) {
        this.subtype = b.subtype;
        this.boundary = boundary;
        this.parts = Collections.unmodifiableList(new ArrayList<>(b.parts));
        StringBuilder ct = new StringBuilder("multipart/").append(subtype)
                .append("; boundary=").append(Boundary.paramValue(boundary));
        if (b.type != null) {
            ct.append("; type=").append(Boundary.paramValue(b.type));
        }
        if (b.start != null) {
            ct.append("; start=").append(Boundary.paramValue(b.start));
        }
        this.contentType = ct.toString();
        this.heads = new byte[parts.size()][];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = head(parts.get(i));
        }
        this.close = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            this.contentLength = writeOrCount(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // counting does no I/O
        }
    }

    /** Returns a builder for {@code multipart/form-data} (RFC 7578), what HTML forms send. */
    public static Builder form() {
        return new Builder("form-data");
    }

    /** Returns a builder for {@code multipart/mixed} (RFC 2046 §5.1.3). */
    public static Builder mixed() {
        return new Builder("mixed");
    }

    /** Returns a builder for {@code multipart/related} (RFC 2387); see {@link Builder#type}. */
    public static Builder related() {
        return new Builder("related");
    }

    /** Returns a builder for {@code multipart/alternative} (RFC 2046 §5.1.4). */
    public static Builder alternative() {
        return new Builder("alternative");
    }

    /** Returns the {@code Content-Type} header value, e.g. {@code multipart/form-data; boundary=x}. */
    public String contentType() {
        return contentType;
    }

    /** Returns the boundary (without the leading {@code --}). */
    public String boundary() {
        return boundary;
    }

    /** Returns the parts in order. */
    public List<Part> parts() {
        return parts;
    }

    /** Returns the exact body length in bytes, or -1 when a stream part has no known length. */
    public long contentLength() {
        return contentLength;
    }

    /** Returns true when every part can be produced again (no one-shot stream part). */
    public boolean isReplayable() {
        for (Part p : parts) {
            if (!p.isReplayable()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns true when some part's content is a file, so that
     * {@link #writeTo(WritableByteChannel, ProgressListener)} can send it with
     * {@code FileChannel.transferTo} (zero copy). A client uses this to choose between that path
     * and a buffered stream, which is cheaper for small in-memory forms.
     */
    public boolean hasFileParts() {
        for (Part p : parts) {
            if (p.isFile()) {
                return true;
            }
        }
        return false;
    }

    /** Writes the body to {@code out} (not closed); returns the number of bytes written. */
    public long writeTo(OutputStream out) throws IOException {
        return writeTo(out, ProgressListener.NONE);
    }

    /** Writes the body to {@code out}, reporting progress; returns the number of bytes written. */
    public long writeTo(OutputStream out, ProgressListener listener) throws IOException {
        return checked(writeOrCount(new BodySink.ToStream(out, listener, contentLength)));
    }

    /**
     * Writes the body to a blocking channel (not closed), sending file parts with
     * {@code FileChannel.transferTo} so a plain socket gets them without a copy through the heap.
     */
    public long writeTo(WritableByteChannel out) throws IOException {
        return writeTo(out, ProgressListener.NONE);
    }

    /** Writes the body to a blocking channel, reporting progress; returns the bytes written. */
    public long writeTo(WritableByteChannel out, ProgressListener listener) throws IOException {
        return checked(writeOrCount(new BodySink.ToChannel(out, listener, contentLength)));
    }

    /** Returns a stream that produces the body lazily, a part at a time. */
    public InputStream openStream() {
        return openStream(ProgressListener.NONE);
    }

    /** Returns a lazily producing stream of the body that reports progress as it is read. */
    public InputStream openStream(ProgressListener listener) {
        List<Object> pieces = new ArrayList<>(3 * parts.size() + 1);
        try {
            writeOrCount(new BodySink.Recorder(pieces));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // recording does no I/O
        }
        return new MultipartInputStream(pieces, listener, contentLength);
    }

    /**
     * Lays the body out once for every purpose: with a null sink it only counts (the length is -1
     * as soon as a part's length is unknown), otherwise it also hands each piece to the sink. One
     * routine for both means the announced length and the bytes cannot disagree.
     */
    private long writeOrCount(BodySink sink) throws IOException {
        long total = 0;
        boolean known = true;
        for (int i = 0; i < heads.length; i++) {
            if (sink != null) {
                sink.bytes(heads[i]);
            }
            total += heads[i].length;
            PartBody body = parts.get(i).body();
            if (sink != null) {
                total += sink.body(body);
            } else if (body.length() < 0) {
                known = false;
            } else {
                total += body.length();
            }
            if (sink != null) {
                sink.bytes(CRLF);
            }
            total += CRLF.length;
        }
        if (sink != null) {
            sink.bytes(close);
        }
        total += close.length;
        return known ? total : -1;
    }

    private long checked(long written) throws IOException {
        if (contentLength >= 0 && written != contentLength) {
            throw new IOException("multipart body wrote " + written + " bytes but announced Content-Length "
                    + contentLength + "; a part changed while it was being sent");
        }
        return written;
    }

    /** Renders a part's delimiter line and headers as urllib3's {@code RequestField.render_headers}. */
    private byte[] head(Part p) {
        StringBuilder sb = new StringBuilder(128).append("--").append(boundary).append("\r\n");
        if (subtype.equals("form-data")) {
            sb.append("Content-Disposition: form-data; name=\"").append(escape(p.name())).append('"');
            if (p.filename() != null) {
                sb.append("; filename=\"").append(escape(p.filename())).append('"');
            }
            sb.append("\r\n");
        } else if (p.filename() != null) {
            sb.append("Content-Disposition: attachment; filename=\"").append(escape(p.filename())).append("\"\r\n");
        }
        // urllib3 skips a header whose value is empty; so do we, to stay byte-identical.
        if (p.contentType() != null && !p.contentType().isEmpty()) {
            sb.append("Content-Type: ").append(p.contentType()).append("\r\n");
        }
        PartHeaders h = p.headers();
        for (int i = 0; i < h.size(); i++) {
            if (!h.value(i).isEmpty()) {
                sb.append(h.name(i)).append(": ").append(h.value(i)).append("\r\n");
            }
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns {@code s} with LF, CR and '"' as {@code %0A}, {@code %0D}, {@code %22}: the WHATWG
     * HTML multipart/form-data rule urllib3 2.x follows; other characters, UTF-8 included, pass.
     */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = c == '\n' ? "%0A" : c == '\r' ? "%0D" : c == '"' ? "%22" : null;
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Collects parts and options and checks them; {@link #build()} returns the body. */
    public static final class Builder {
        private final String subtype;
        private final List<Part> parts = new ArrayList<>();
        private String boundary;
        private String type;
        private String start;

        private Builder(String subtype) {
            this.subtype = subtype;
        }

        /** Uses {@code boundary} instead of a random one; checked against RFC 2046 now. */
        public Builder boundary(String boundary) {
            this.boundary = Boundary.validate(boundary);
            return this;
        }

        /** Adds a text field (UTF-8, no filename, no Content-Type), e.g. {@code field("a", "1")}. */
        public Builder field(String name, String value) {
            return part(Part.builder().name(name).body(value).build());
        }

        /** Adds a field whose value is raw bytes (no filename, no Content-Type). */
        public Builder field(String name, byte[] value) {
            return part(Part.builder().name(name).body(value).build());
        }

        /** Adds a file part streamed from disk, named after the file, its type guessed. */
        public Builder file(String name, Path file) {
            Path leaf = file.getFileName();
            return file(name, leaf == null ? null : leaf.toString(), file, null);
        }

        /**
         * Adds a file part streamed from disk; a null filename writes no filename parameter, a
         * null content type is guessed from the filename (or else the file's name).
         */
        public Builder file(String name, String filename, Path file, String contentType) {
            Path leaf = file.getFileName();
            String guessFrom = filename != null || leaf == null ? filename : leaf.toString();
            return part(Part.builder().name(name).filename(filename).contentType(typeOr(contentType, guessFrom))
                    .body(file).build());
        }

        /** Adds a file part from bytes; a null content type is guessed from the filename. */
        public Builder file(String name, String filename, byte[] content, String contentType) {
            return part(Part.builder().name(name).filename(filename).contentType(typeOr(contentType, filename))
                    .body(content).build());
        }

        /**
         * Adds a file part from a one-shot stream of {@code length} bytes (-1: unknown, which
         * makes the whole body chunked); a null content type is guessed from the filename.
         */
        public Builder file(String name, String filename, InputStream in, long length, String contentType) {
            return part(Part.builder().name(name).filename(filename).contentType(typeOr(contentType, filename))
                    .body(in, length).build());
        }

        /** Adds a part, e.g. of {@code multipart/mixed}: {@code part(Part.builder()...build())}. */
        public Builder part(Part part) {
            boolean form = subtype.equals("form-data");
            if (form && part.name() == null) {
                throw new IllegalArgumentException("multipart/form-data part #" + (parts.size() + 1)
                        + " has no name; RFC 7578 §4.2 requires one: set Part.Builder.name(...)");
            }
            if (!form && part.name() != null) {
                throw new IllegalArgumentException("part " + Escape.quote(part.name()) + ": names exist only in"
                        + " multipart/form-data, not multipart/" + subtype + "; leave the name unset");
            }
            parts.add(part);
            return this;
        }

        /** Sets {@code multipart/related}'s {@code type} parameter: the root part's type (RFC 2387 §3.1). */
        public Builder type(String type) {
            this.type = relatedOnly("type", type);
            return this;
        }

        /** Sets {@code multipart/related}'s {@code start} parameter: the root's Content-ID (RFC 2387 §3.2). */
        public Builder start(String start) {
            this.start = relatedOnly("start", start);
            return this;
        }

        /**
         * Returns the body.
         *
         * @throws IllegalArgumentException when the boundary occurs at a line start in a part held
         *     in memory (the message names the part); pick another or leave it random
         */
        public Multipart build() {
            String b = boundary == null ? Boundary.random() : boundary;
            for (int i = 0; i < parts.size(); i++) {
                PartHeaders h = parts.get(i).headers();
                for (int j = 0; j < h.size(); j++) {
                    // A header line is a line start too: a name such as "--b" would end the part.
                    if (h.name(j).startsWith("--" + b)) {
                        throw new IllegalArgumentException("header name " + Escape.quote(h.name(j)) + " in part #"
                                + (i + 1) + " starts with the delimiter --" + b + "; rename it or change the boundary");
                    }
                }
                byte[] content = parts.get(i).body().inMemory();
                int at = content == null ? -1 : Boundary.findDelimiterLine(content, b);
                if (at >= 0) {
                    Part p = parts.get(i);
                    throw new IllegalArgumentException("boundary " + Escape.quote(b) + " occurs as \"--" + b
                            + "\" at a line start in part #" + (i + 1)
                            + (p.name() == null ? "" : " (name " + Escape.quote(p.name()) + ")")
                            + " at offset " + at + ", so a receiver would cut the part there;"
                            + " choose another boundary or leave it unset for a random one");
                }
            }
            return new Multipart(this, b);
        }

        private String relatedOnly(String param, String value) {
            if (!subtype.equals("related")) {
                throw new IllegalArgumentException("the " + param + " parameter belongs to multipart/related"
                        + " (RFC 2387), not multipart/" + subtype);
            }
            PartHeaders.checkValue(param, value);
            return value;
        }

        /**
         * Returns {@code contentType}, or the type guessed from {@code filename}: a file part
         * always gets a type, {@code application/octet-stream} at worst, as urllib3 gives a
         * {@code (filename, data)} tuple even when the filename is None.
         */
        private static String typeOr(String contentType, String filename) {
            return contentType != null ? contentType : ContentTypes.guess(filename);
        }
    }
}
