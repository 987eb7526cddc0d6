package dev.courier.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sans-IO {@code multipart/form-data} decoder that builds a {@link MultipartForm}.
 *
 * <p>Lifecycle: get one from {@link MultipartForm.Builder#decoder()}; {@link #feed} it slices as
 * they arrive; {@link #finish()} returns the form. On any failure the temporary files made so far
 * are deleted before the exception leaves; call {@link #abort()} to give up early.
 */
public final class FormDecoder {

    private final MultipartParser parser;
    private final long threshold;
    private final long maxMemory;
    private final Path tempDir;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, List<FormFile>> files = new LinkedHashMap<>();
    private final List<Path> tempFiles = new ArrayList<>();
    private final MultipartForm form;

    private long memory;
    private String name;
    private String filename;
    private PartHeaders headers;
    private int partNumber;
    private ByteArrayOutputStream buffer;
    private Path spillPath;
    private FileChannel spill;
    private long size;
    private boolean done;

    FormDecoder(MultipartForm.Builder b) {
        this.threshold = b.memoryThreshold;
        this.maxMemory = b.maxMemoryBytes;
        this.tempDir = b.tempDir;
        this.parser = b.parser.build(new Events());
        this.form = new MultipartForm(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(files), tempFiles);
    }

    /** Consumes all of {@code input}. On failure, temporary files are deleted before rethrowing. */
    public void feed(ByteBuffer input) throws IOException {
        checkNotDone();
        try {
            parser.feed(input);
        } catch (UncheckedIOException e) {
            abort();
            throw e.getCause();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Returns the form once the whole body has been fed; fails if it was cut short. */
    public MultipartForm finish() throws IOException {
        checkNotDone();
        try {
            parser.finish();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        done = true;
        // The form shows these maps through unmodifiable views; make the lists read-only too.
        fields.replaceAll((k, v) -> Collections.unmodifiableList(v));
        files.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return form;
    }

    /** Gives up: closes and deletes every temporary file made so far. Safe to call twice. */
    public void abort() throws IOException {
        done = true;
        closeSpill();
        form.close();
    }

    private void checkNotDone() {
        if (done) {
            throw new IllegalStateException("this FormDecoder has finished or was aborted; make a new one");
        }
    }

    private void closeSpill() throws IOException {
        if (spill != null) {
            spill.close();
            spill = null;
        }
    }

    /** Parser events; I/O failures travel as UncheckedIOException and are unwrapped in feed. */
    private final class Events implements MultipartParser.Listener {
        @Override
        public void partStart(int index, PartHeaders h) {
            partNumber = index + 1;
            ContentDisposition cd = ContentDisposition.parse(h.get("Content-Disposition"));
            if (cd.name() == null) {
                throw new MultipartException("part #" + partNumber + " has no Content-Disposition name ("
                        + (h.get("Content-Disposition") == null ? "no such header"
                        : "got " + Escape.quote(h.get("Content-Disposition")))
                        + "); RFC 7578 §4.2 requires one in form-data. For other multipart types use"
                        + " MultipartParser directly");
            }
            name = cd.name();
            filename = cd.filename();
            headers = h;
            size = 0;
            buffer = new ByteArrayOutputStream();
        }

        @Override
        public void partData(ByteBuffer data) {
            int n = data.remaining();
            size += n;
            try {
                if (spill != null) {
                    writeFully(data);
                    return;
                }
                if (filename != null && (size > threshold || memory + n > maxMemory)) {
                    spillToDisk();
                    writeFully(data);
                    return;
                }
                if (memory + n > maxMemory) {
                    throw new MultipartException("form fields exceed maxMemoryBytes=" + maxMemory + " (field "
                            + Escape.quote(name) + " in part #" + partNumber + " reached " + size
                            + " bytes); raise the limit or send large values as files");
                }
                memory += n;
                byte[] chunk = new byte[n];
                data.get(chunk);
                buffer.writeBytes(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void partEnd() {
            try {
                if (filename == null) {
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(buffer.toByteArray(), charset()));
                } else {
                    byte[] bytes = spill == null ? buffer.toByteArray() : null;
                    files.computeIfAbsent(name, k -> new ArrayList<>()).add(
                            new FormFile(name, filename, headers, size, bytes, spill == null ? null : spillPath, form));
                    closeSpill();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer = null;
        }

        private void spillToDisk() throws IOException {
            spillPath = tempDir == null ? Files.createTempFile("courier-upload-", ".part")
                    : Files.createTempFile(tempDir, "courier-upload-", ".part");
            tempFiles.add(spillPath);
            spill = FileChannel.open(spillPath, StandardOpenOption.WRITE);
            memory -= buffer.size();
            writeFully(ByteBuffer.wrap(buffer.toByteArray()));
            buffer = new ByteArrayOutputStream(0);
        }

        private void writeFully(ByteBuffer data) throws IOException {
            while (data.hasRemaining()) {
                spill.write(data);
            }
        }

        private Charset charset() {
            String ct = headers.get("Content-Type");
            String cs = ct == null ? null : HeaderParams.parse(ct).params.get("charset");
            try {
                return cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8; // unknown charset: UTF-8 is what forms send (RFC 7578 §5.1.2)
            }
        }
    }
}
