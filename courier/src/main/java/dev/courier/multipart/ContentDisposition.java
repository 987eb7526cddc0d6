package dev.courier.multipart;

import java.util.Map;

/**
 * A parsed {@code Content-Disposition} header value (RFC 6266, RFC 7578 §4.2): its type and
 * parameters, with {@code filename*} (RFC 8187) preferred over {@code filename}. For example:
 *
 * <pre>{@code
 * ContentDisposition d = ContentDisposition.parse("form-data; name=\"f\"; filename=\"a.txt\"");
 * d.type();      // "form-data"
 * d.name();      // "f"
 * d.filename();  // "a.txt"
 * }</pre>
 *
 * <p>Percent escapes in plain {@code filename} values ({@code %22} for a quote, as browsers and
 * urllib3 write) are left as they are: senders also send literal {@code %} signs, and no
 * receiver can tell them apart, so the raw value is the honest one.
 */
public final class ContentDisposition {

    private final String type;
    private final Map<String, String> params;

    private ContentDisposition(String type, Map<String, String> params) {
        this.type = type;
        this.params = params;
    }

    /** Returns the parsed value of a {@code Content-Disposition} header; never fails. */
    public static ContentDisposition parse(String headerValue) {
        HeaderParams p = HeaderParams.parse(headerValue == null ? "" : headerValue);
        return new ContentDisposition(p.value, p.params);
    }

    /** Returns the disposition type in lower case, e.g. {@code "form-data"} or {@code "attachment"}. */
    public String type() {
        return type;
    }

    /** Returns the {@code name} parameter (a form field's name), or null. */
    public String name() {
        return param("name");
    }

    /** Returns {@code filename*} decoded when present and valid, else {@code filename}, else null. */
    public String filename() {
        return param("filename");
    }

    /**
     * Returns parameter {@code name} (case-insensitive): its RFC 8187 {@code name*} form decoded
     * when present and valid, else the plain form, else null.
     */
    public String param(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        String ext = params.get(key + "*");
        if (ext != null) {
            String decoded = HeaderParams.decodeExtValue(ext);
            if (decoded != null) {
                return decoded;
            }
        }
        return params.get(key);
    }

    /** Returns every parameter as sent (names lower-cased, ext-values undecoded), in order. */
    public Map<String, String> params() {
        return params;
    }

    @Override
    public String toString() {
        return type + params;
    }
}
