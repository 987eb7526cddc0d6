package dev.courier;

import dev.courier.client.OutgoingBody;
import dev.courier.http.FormEncoding;
import dev.courier.http.MediaType;
import dev.courier.json.JsonMapper;
import dev.courier.multipart.Multipart;
import dev.courier.multipart.ProgressListener;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body with its length and default content type, following requests'
 * {@code prepare_body} rules: JSON gets {@code application/json}, a form gets
 * {@code application/x-www-form-urlencoded}, multipart gets its boundary, a stream of unknown
 * length goes chunked, and a {@code Content-Type} header set by the user always wins.
 *
 * <pre>{@code
 * Body.json(Map.of("name", "Ada"));
 * Body.form("user", "ada", "tag", "a", "tag", "b");   // user=ada&tag=a&tag=b
 * Body.file(Path.of("report.pdf"));                     // Content-Length from the file size
 * Body.stream(in);                                      // Transfer-Encoding: chunked
 * }</pre>
 */
public final class Body {

    /** Writes a body once; called again for each replay of a replayable body. */
    @FunctionalInterface
    private interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final String contentType;
    private final long length;
    private final boolean replayable;
    private final Writer writer;
    private final Path file;
    /** The multipart body behind this one, which can write itself to a channel with sendfile; else null. */
    private final Multipart multipart;

    private Body(String contentType, long length, boolean replayable, Writer writer, Path file) {
        this(contentType, length, replayable, writer, file, null);
    }

    private Body(String contentType, long length, boolean replayable, Writer writer, Path file, Multipart multipart) {
        this.contentType = contentType;
        this.length = length;
        this.replayable = replayable;
        this.writer = writer;
        this.file = file;
        this.multipart = multipart;
    }

    /** Returns a body of exactly {@code bytes}, with no Content-Type (requests sends none for raw data). */
    public static Body bytes(byte[] bytes) {
        return bytes(bytes, null);
    }

    /** Returns a body of exactly {@code bytes} with Content-Type {@code contentType} (null for none). */
    public static Body bytes(byte[] bytes, String contentType) {
        byte[] copy = bytes.clone();
        return new Body(contentType, copy.length, true, out -> out.write(copy), null);
    }

    /** Returns {@code text} as UTF-8 with {@code text/plain; charset=utf-8}. */
    public static Body text(String text) {
        return text(text, StandardCharsets.UTF_8);
    }

    /** Returns {@code text} encoded in {@code charset}, labelled {@code text/plain; charset=...}. */
    public static Body text(String text, Charset charset) {
        return bytes(text.getBytes(charset), MediaType.TEXT_PLAIN.withCharset(charset).toString());
    }

    /**
     * Returns the content of {@code file}, streamed (never loaded into memory) with its size as
     * Content-Length; on a plain connection it goes out by sendfile. No Content-Type is set.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Body file(Path file) {
        return file(file, null);
    }

    /** Returns the content of {@code file} labelled {@code contentType}; see {@link #file(Path)}. */
    public static Body file(Path file, String contentType) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body file " + file + ": " + e, e);
        }
        return new Body(contentType, size, true, out -> Files.copy(file, out), file);
    }

    /** Returns a one-shot body read from {@code in} and sent chunked, since its length is unknown. */
    public static Body stream(InputStream in) {
        return stream(in, -1);
    }

    /**
     * Returns a one-shot body of {@code length} bytes read from {@code in} (sent with that
     * Content-Length), or chunked when {@code length} is -1. It cannot follow a 307/308 redirect.
     */
    public static Body stream(InputStream in, long length) {
        if (length < -1) {
            throw new IllegalArgumentException("length must be -1 (unknown) or >= 0, got " + length);
        }
        AtomicBoolean used = new AtomicBoolean();
        return new Body(null, length, false, out -> {
            if (used.getAndSet(true)) {
                throw new IOException("a stream body can be sent only once; use Body.bytes or Body.file to replay it");
            }
            in.transferTo(out);
        }, null);
    }

    /**
     * Returns a form ({@code application/x-www-form-urlencoded}) from alternating names and
     * values, WHATWG-encoded, repeated names kept in order.
     */
    public static Body form(String... namesAndValues) {
        return formEncoded(FormEncoding.encode(namesAndValues));
    }

    /** Returns a form of {@code fields}, in the map's iteration order. */
    public static Body form(Map<String, String> fields) {
        return formEncoded(FormEncoding.encode(new ArrayList<>(fields.entrySet())));
    }

    /** Returns a form of {@code pairs}, repeated names kept in order. */
    public static Body form(List<? extends Map.Entry<String, String>> pairs) {
        return formEncoded(FormEncoding.encode(pairs));
    }

    private static Body formEncoded(String encoded) {
        return bytes(encoded.getBytes(StandardCharsets.US_ASCII), MediaType.FORM_URLENCODED.toString());
    }

    /** Returns {@code value} written as UTF-8 JSON by {@link JsonMapper#find()}, as {@code application/json}. */
    public static Body json(Object value) {
        return bytes(JsonMapper.find().write(value), MediaType.APPLICATION_JSON.toString());
    }

    /** Returns a multipart body, streamed, with its exact length when every part's length is known. */
    public static Body multipart(Multipart multipart) {
        return new Body(multipart.contentType(), multipart.contentLength(), multipart.isReplayable(),
                out -> multipart.writeTo(out), null, multipart);
    }

    /** Returns the default Content-Type of this body, or null when it has none. */
    public String contentType() {
        return contentType;
    }

    /** Returns the length in bytes, or -1 when unknown (sent chunked). */
    public long length() {
        return length;
    }

    /** Returns true when the body can be sent again (redirect 307/308, retry). */
    public boolean isReplayable() {
        return replayable;
    }

    /** Returns the body as the transport writes it. */
    OutgoingBody outgoing() {
        return outgoing(null);
    }

    /** Returns the body as the transport writes it, reporting each write to {@code progress} (null for none). */
    OutgoingBody outgoing(ProgressListener progress) {
        return new OutgoingBody() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public boolean isReplayable() {
                return replayable;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                writer.writeTo(progress == null ? out : new Counting(out, progress, length));
            }

            @Override
            public ChannelWriter channelWriter() {
                if (multipart == null || !multipart.hasFileParts()) {
                    return null;
                }
                // File parts go out by transferTo; each piece re-arms the transport's write timeout.
                return (channel, progressed) -> multipart.writeTo(channel, (sent, total) -> {
                    progressed.run();
                    if (progress != null) {
                        progress.onProgress(sent, total);
                    }
                });
            }

            @Override
            public FileChannel openFile() throws IOException {
                // sendfile gives no progress callbacks, so a listener takes the copying path.
                return file == null || progress != null ? null : FileChannel.open(file, StandardOpenOption.READ);
            }
        };
    }

    /** Counts bytes on their way out and reports the running total. */
    private static final class Counting extends FilterOutputStream {
        private final ProgressListener listener;
        private final long total;
        private long sent;

        Counting(OutputStream out, ProgressListener listener, long total) {
            super(out);
            this.listener = listener;
            this.total = total;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            listener.onProgress(++sent, total);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sent += len;
            listener.onProgress(sent, total);
        }
    }

    @Override
    public String toString() {
        return "Body[" + (contentType == null ? "no type" : contentType) + ", "
                + (length < 0 ? "chunked" : length + " bytes") + "]";
    }
}
