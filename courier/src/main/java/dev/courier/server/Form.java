package dev.courier.server;

import dev.courier.multipart.FormFile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields and uploaded files of a form request, from an
 * {@code application/x-www-form-urlencoded} or a {@code multipart/form-data} body.
 *
 * <pre>{@code
 * Form form = req.form();
 * String title = form.field("title");          // null when absent
 * FormFile photo = form.file("photo");         // null when absent; always null for urlencoded
 * photo.saveTo(Path.of("uploads", "p.jpg"));   // before the handler returns
 * }</pre>
 *
 * <p>Files that spilled to temporary files are deleted when the request ends, so a handler that
 * keeps an upload must copy or move it first.
 */
public final class Form {

    private static final Form EMPTY = new Form(Map.of(), Map.of());

    private final Map<String, List<String>> fields;
    private final Map<String, List<FormFile>> files;

    Form(Map<String, List<String>> fields, Map<String, List<FormFile>> files) {
        this.fields = fields;
        this.files = files;
    }

    static Form empty() {
        return EMPTY;
    }

    /** Returns a form holding the given name/value pairs, in order, with no files. */
    static Form ofPairs(List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs) {
            m.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue());
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new Form(Collections.unmodifiableMap(m), Map.of());
    }

    /** Returns the text fields: name to values in the order sent (unmodifiable). */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** Returns the first value of field {@code name}, or null when it was not sent. */
    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns every value of field {@code name} in order; empty when it was not sent. */
    public List<String> fieldAll(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** Returns the uploaded files: field name to files in the order sent (unmodifiable). */
    public Map<String, List<FormFile>> files() {
        return files;
    }

    /** Returns the first file sent as {@code name}, or null. */
    public FormFile file(String name) {
        List<FormFile> v = files.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public String toString() {
        return "Form{fields=" + fields.keySet() + ", files=" + files.keySet() + "}";
    }
}
