package dev.courier.multipart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses a file part's {@code Content-Type} from its name, the way urllib3's
 * {@code guess_content_type} does with Python's {@code mimetypes}.
 *
 * <p>The built-in table comes first so that the common types are the same on every machine and
 * agree with Python 3.11's {@code mimetypes.guess_type} (a test checks each entry against the
 * local python3). {@link Files#probeContentType} is asked next, then
 * {@code application/octet-stream}, urllib3's default.
 */
final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    /** Extension (lower case, no dot) to type; values as Python 3.11's mimetypes gives them. */
    static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("txt", "text/plain"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("csv", "text/csv"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("py", "text/x-python"),
            Map.entry("md", "text/markdown"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("bin", OCTET_STREAM),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("ics", "text/calendar"),
            Map.entry("jar", "application/java-archive"));

    private ContentTypes() {}

    /** Returns the type for {@code filename}, e.g. {@code "text/plain"} for {@code "a.txt"}. */
    static String guess(String filename) {
        if (filename == null || filename.isEmpty()) {
            return OCTET_STREAM;
        }
        int dot = filename.lastIndexOf('.');
        if (dot >= 0 && dot < filename.length() - 1) {
            String known = TABLE.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (known != null) {
                return known;
            }
        }
        try {
            int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
            String probed = Files.probeContentType(Path.of("x" + filename.substring(slash + 1)));
            if (probed != null) {
                return probed;
            }
        } catch (IOException | RuntimeException e) {
            // An odd name (bad path characters) or a broken type detector: fall back below.
        }
        return OCTET_STREAM;
    }
}
