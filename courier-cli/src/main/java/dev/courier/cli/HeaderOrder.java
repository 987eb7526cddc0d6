package dev.courier.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ordered, case-insensitive list of header fields that reproduces the order HTTPie prints:
 * requests merges the session defaults with the request's headers (a replaced name keeps its
 * place), appends Content-Length and Authorization, then HTTPie moves every header the user or
 * HTTPie itself set to the end, in that prepared order ({@code apply_missing_repeated_headers}).
 */
final class HeaderOrder {

    /** A header field; a null value means "remove this name" ({@code Header:}). */
    record Field(String name, String value) {
    }

    private final List<Field> fields = new ArrayList<>();

    List<Field> fields() {
        return fields;
    }

    /** Returns the last value of {@code name}, or null. */
    String get(String name) {
        String v = null;
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                v = f.value;
            }
        }
        return v;
    }

    boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name.equalsIgnoreCase(name));
    }

    /** Replaces the first field named {@code name} in place (dropping others), or appends it. */
    HeaderOrder set(String name, String value) {
        int at = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).name.equalsIgnoreCase(name)) {
                if (at >= 0) {
                    fields.remove(at);
                }
                at = i;
            }
        }
        if (at >= 0) {
            fields.set(at, new Field(fields.get(at).name, value));
        } else {
            fields.add(new Field(name, value));
        }
        return this;
    }

    HeaderOrder remove(String name) {
        fields.removeIf(f -> f.name.equalsIgnoreCase(name));
        return this;
    }

    /**
     * Returns the order requests and HTTPie produce: {@code prepared} (defaults merged with
     * {@code original}, then body and auth headers) with each name of {@code original} moved to
     * the end, carrying all its original values, unless requests replaced its value on the way.
     */
    static List<Field> httpieOrder(List<Field> prepared, List<Field> original) {
        List<Field> out = new ArrayList<>(prepared);
        for (Field p : prepared) {
            String key = p.name.toLowerCase(Locale.ROOT);
            List<Field> originals = new ArrayList<>();
            for (Field o : original) {
                if (o.name.toLowerCase(Locale.ROOT).equals(key) && o.value != null) {
                    originals.add(o);
                }
            }
            if (originals.isEmpty() || originals.stream().noneMatch(o -> o.value.equals(p.value))) {
                continue;
            }
            out.remove(p);
            out.addAll(originals);
        }
        return out;
    }
}
