package dev.courier.server;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The media types the server picks by file extension, and the charset of a request body.
 *
 * <p>The table is deliberately small: the types a web site's static files use (after the
 * common entries of nginx's {@code mime.types} and the WHATWG MIME sniffing spec). Text types get
 * {@code charset=utf-8}, since a browser would otherwise guess (RFC 9110 §8.3.2 gives no default).
 * Anything else is {@code application/octet-stream}, which a browser downloads instead of
 * rendering: the safe choice for an unknown file.
 */
final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    static {
        String utf8 = "; charset=utf-8";
        put("html", "text/html" + utf8);
        put("htm", "text/html" + utf8);
        put("css", "text/css" + utf8);
        put("js", "text/javascript" + utf8); // RFC 9239 §6: text/javascript is the one to use
        put("mjs", "text/javascript" + utf8);
        put("json", "application/json");     // RFC 8259 §11: no charset parameter, always UTF-8
        put("map", "application/json");
        put("txt", "text/plain" + utf8);
        put("md", "text/markdown" + utf8);
        put("csv", "text/csv" + utf8);
        put("xml", "application/xml");
        put("svg", "image/svg+xml");
        put("png", "image/png");
        put("jpg", "image/jpeg");
        put("jpeg", "image/jpeg");
        put("gif", "image/gif");
        put("webp", "image/webp");
        put("avif", "image/avif");
        put("ico", "image/vnd.microsoft.icon");
        put("pdf", "application/pdf");
        put("wasm", "application/wasm");
        put("woff", "font/woff");
        put("woff2", "font/woff2");
        put("ttf", "font/ttf");
        put("otf", "font/otf");
        put("mp3", "audio/mpeg");
        put("ogg", "audio/ogg");
        put("wav", "audio/wav");
        put("mp4", "video/mp4");
        put("webm", "video/webm");
        put("zip", "application/zip");
        put("gz", "application/gzip");
        put("tar", "application/x-tar");
    }

    private ContentTypes() {
    }

    private static void put(String ext, String type) {
        BY_EXTENSION.put(ext, type);
    }

    /**
     * Returns the media type for {@code fileName} by its extension, any case:
     * {@code "site.CSS"} gives {@code text/css; charset=utf-8}; {@code "README"} gives
     * {@code application/octet-stream}.
     */
    static String forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return OCTET_STREAM;
        }
        String type = BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type == null ? OCTET_STREAM : type;
    }

    /**
     * Returns the charset named by the {@code charset} parameter of a {@code Content-Type} value,
     * or UTF-8 when the value is null, has no such parameter, or names a charset the JVM lacks:
     * {@code text/plain; Charset="ISO-8859-1"} gives ISO-8859-1.
     */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        // Parameters follow ';' as name=value, the value a token or a quoted-string (RFC 9110 §5.6.6).
        int n = contentType.length();
        int i = contentType.indexOf(';');
        if (i < 0) {
            return StandardCharsets.UTF_8;
        }
        i++;
        while (i < n) {
            int nameStart = i;
            while (i < n && contentType.charAt(i) != '=' && contentType.charAt(i) != ';') {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (contentType.charAt(i) == ';') { // a parameter without a value: skip it
                i++;
                continue;
            }
            String name = contentType.substring(nameStart, i).trim();
            i++;
            String value;
            if (i < n && contentType.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && contentType.charAt(i) != '"') {
                    if (contentType.charAt(i) == '\\' && i + 1 < n) { // quoted-pair
                        i++;
                    }
                    sb.append(contentType.charAt(i));
                    i++;
                }
                if (i >= n) {
                    break; // unterminated quoted-string: ignore it
                }
                value = sb.toString();
                int semi = contentType.indexOf(';', i);
                i = semi < 0 ? n : semi + 1;
            } else {
                int semi = contentType.indexOf(';', i);
                int end = semi < 0 ? n : semi;
                value = contentType.substring(i, end).trim();
                i = semi < 0 ? n : semi + 1;
            }
            if (name.equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(value);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
