package dev.courier.server;

import dev.courier.http.FormEncoding;
import dev.courier.multipart.MultipartException;
import dev.courier.multipart.MultipartForm;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body as a {@link Form}, choosing the decoder by {@code Content-Type}: the
 * urlencoded one of the HTML standard or the multipart decoder (RFC 7578). Anything else is 415.
 */
final class FormReader {

    private FormReader() {
    }

    /**
     * Returns the form in {@code request}'s body; a multipart form is added to {@code cleanup}
     * so that its temporary files go when the request ends.
     *
     * @throws AbortException 415 for another content type, 400 for a malformed form, 413
     *     when it passes {@code maxBytes}
     */
    static Form read(Request request, long maxBytes, List<AutoCloseable> cleanup) throws IOException {
        String type = request.header("Content-Type");
        String essence = essence(type);
        if (essence.isEmpty() && !hasBody(request)) {
            return Form.empty();
        }
        if (essence.equals("application/x-www-form-urlencoded")) {
            try {
                return Form.ofPairs(FormEncoding.decode(request.bodyBytes()));
            } catch (IllegalArgumentException e) {
                throw new AbortException(400, "malformed form body: " + e.getMessage());
            }
        }
        if (essence.equals("multipart/form-data")) {
            try {
                MultipartForm form = MultipartForm.builder(type).maxTotalBytes(maxBytes).read(request.bodyStream());
                cleanup.add(form);
                return new Form(form.fields(), form.files());
            } catch (MultipartException e) {
                throw new AbortException(400, "malformed multipart body: " + e.getMessage());
            }
        }
        throw new AbortException(415, "form() needs Content-Type application/x-www-form-urlencoded or"
                + " multipart/form-data, got " + (type == null ? "none" : Escape.quote(type)));
    }

    private static boolean hasBody(Request request) {
        String cl = request.header("Content-Length");
        return request.header("Transfer-Encoding") != null || (cl != null && !cl.trim().equals("0"));
    }

    /** Returns the lower-case {@code type/subtype} of a Content-Type value, "" when absent. */
    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String t = semi < 0 ? contentType : contentType.substring(0, semi);
        return t.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns query parameters of {@code rawQuery} as a multimap, 400 if it has too many. */
    static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        try {
            return Form.ofPairs(FormEncoding.decode(rawQuery)).fields();
        } catch (IllegalArgumentException e) {
            throw new AbortException(400, "malformed query: " + e.getMessage());
        }
    }
}
