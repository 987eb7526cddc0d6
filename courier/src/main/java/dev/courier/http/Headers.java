package dev.courier.http;

import dev.courier.internal.HeadersAccess;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered, case-insensitive list of HTTP header fields.
 *
 * <p>Fields keep the order they were added in and a name may repeat (RFC 9110 §5.3). Lookups
 * ignore ASCII case; the spelling of each name is kept as given, so what is written on the wire
 * is what the caller wrote. For example:
 *
 * <pre>{@code
 * Headers h = Headers.builder()
 *     .add("Accept", "text/html")
 *     .add("accept", "application/json")
 *     .build();
 * h.get("ACCEPT");   // "text/html"
 * h.all("Accept");   // ["text/html", "application/json"]
 * }</pre>
 *
 * <p>Every name must be an RFC 9110 token and every value must be free of CR, LF, NUL and the other
 * control characters except horizontal tab; the builder refuses anything else with an
 * {@link IllegalArgumentException} naming the header and the offset of the bad character, so a
 * header can never split a message (response splitting, request smuggling). Values may hold
 * characters up to U+00FF (RFC 9110 obs-text, written as ISO-8859-1); anything above is refused
 * because it has no single defined encoding on the wire.
 */
public final class Headers implements Iterable<Map.Entry<String, String>> {

    private static final Headers EMPTY = new Headers(new String[0], 0);

    static {
        // The wire codec validates fields as it parses them; this hook spares it a second check.
        HeadersAccess.install(namesAndValues -> namesAndValues.length == 0
                ? EMPTY : new Headers(namesAndValues, namesAndValues.length / 2));
    }

    /** Flat name, value, name, value ... array; only the first {@code 2 * size} slots are used. */
    private final String[] namesAndValues;
    private final int size;

    private Headers(String[] namesAndValues, int size) {
        this.namesAndValues = namesAndValues;
        this.size = size;
    }

    /** Returns the empty header list. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Returns headers built from alternating names and values, for example
     * {@code Headers.of("Accept", "*&#47;*", "X-Trace", "1")}.
     *
     * @throws IllegalArgumentException if the count is odd or a name or value is invalid
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Headers.of needs name/value pairs, got an odd count: " + namesAndValues.length);
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Returns a new empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding a copy of these fields, for making a changed copy. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.namesAndValues = Arrays.copyOf(namesAndValues, Math.max(16, size * 2));
        b.size = size;
        return b;
    }

    /** Returns the number of fields, counting repeated names once per occurrence. */
    public int size() {
        return size;
    }

    /** Returns true when there are no fields. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Returns the name of field {@code index}, spelled as it was added. */
    public String name(int index) {
        checkIndex(index);
        return namesAndValues[index * 2];
    }

    /** Returns the value of field {@code index}. */
    public String value(int index) {
        checkIndex(index);
        return namesAndValues[index * 2 + 1];
    }

    /** Returns the first value of {@code name} (any case), or null when it is absent. */
    public String get(String name) {
        for (int i = 0; i < size; i++) {
            if (namesAndValues[i * 2].equalsIgnoreCase(name)) {
                return namesAndValues[i * 2 + 1];
            }
        }
        return null;
    }

    /** Returns the first value of {@code name}, or {@code fallback} when it is absent. */
    public String getOrDefault(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    /** Returns every value of {@code name} in order; empty when it is absent. */
    public List<String> all(String name) {
        List<String> out = null;
        for (int i = 0; i < size; i++) {
            if (namesAndValues[i * 2].equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(namesAndValues[i * 2 + 1]);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** Returns true when at least one field is called {@code name} (any case). */
    public boolean contains(String name) {
        return get(name) != null;
    }

    /**
     * Returns true when {@code name} holds {@code token} as one of its comma-separated elements,
     * ignoring case, e.g. {@code containsToken("Connection", "close")} for
     * {@code Connection: keep-alive, Close}.
     */
    public boolean containsToken(String name, String token) {
        for (int i = 0; i < size; i++) {
            if (namesAndValues[i * 2].equalsIgnoreCase(name)
                    && HeaderValues.hasToken(namesAndValues[i * 2 + 1], token)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the distinct names, in first-seen order, spelled as first seen. */
    public Set<String> names() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String n = namesAndValues[i * 2];
            seen.putIfAbsent(Ascii.lowercase(n), n);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(seen.values()));
    }

    /** Calls {@code action} with each name and value, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(namesAndValues[i * 2], namesAndValues[i * 2 + 1]);
        }
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new AbstractMap.SimpleImmutableEntry<>(namesAndValues[i * 2], namesAndValues[i * 2 + 1]);
            }
        };
    }

    /**
     * Returns a map from lower-cased name to all its values, in first-seen order. Handy for
     * assertions and JSON output.
     */
    public Map<String, List<String>> toMultimap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            out.computeIfAbsent(Ascii.lowercase(namesAndValues[i * 2]), k -> new ArrayList<>(1))
                    .add(namesAndValues[i * 2 + 1]);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("header index " + index + ", size " + size);
        }
    }

    /** Two header lists are equal when they hold the same fields, same spelling, same order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Headers)) {
            return false;
        }
        Headers other = (Headers) o;
        return size == other.size
                && Arrays.equals(namesAndValues, 0, size * 2, other.namesAndValues, 0, size * 2);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size * 2; i++) {
            h = 31 * h + namesAndValues[i].hashCode();
        }
        return h;
    }

    /** Returns the fields as they would appear on the wire, one {@code Name: value} per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(namesAndValues[i * 2]).append(": ").append(namesAndValues[i * 2 + 1]).append('\n');
        }
        return sb.toString();
    }

    /** A mutable, validating builder of {@link Headers}. Not thread-safe. */
    public static final class Builder {
        private String[] namesAndValues = new String[16];
        private int size;

        private Builder() {
        }

        /**
         * Adds a field after the existing ones, keeping any earlier field of the same name.
         * Leading and trailing spaces and tabs of the value are dropped (they are not part of a
         * field value, RFC 9110 §5.5).
         *
         * @throws IllegalArgumentException if the name is not a token or the value holds a
         *     forbidden character; the message names the header and the offset
         */
        public Builder add(String name, String value) {
            checkName(name);
            String v = trimOws(value, name);
            checkValue(name, v);
            append(name, v);
            return this;
        }

        /** Replaces every field called {@code name} with one field holding {@code value}. */
        public Builder set(String name, String value) {
            checkName(name);
            String v = trimOws(value, name);
            checkValue(name, v);
            removeAll(name);
            append(name, v);
            return this;
        }

        /** Adds every field of {@code other}, in order. */
        public Builder addAll(Headers other) {
            for (int i = 0; i < other.size; i++) {
                append(other.namesAndValues[i * 2], other.namesAndValues[i * 2 + 1]);
            }
            return this;
        }

        /** Removes every field called {@code name} (any case). */
        public Builder removeAll(String name) {
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (!namesAndValues[r * 2].equalsIgnoreCase(name)) {
                    namesAndValues[w * 2] = namesAndValues[r * 2];
                    namesAndValues[w * 2 + 1] = namesAndValues[r * 2 + 1];
                    w++;
                }
            }
            Arrays.fill(namesAndValues, w * 2, size * 2, null);
            size = w;
            return this;
        }

        /** Returns the first value of {@code name} added so far, or null. */
        public String get(String name) {
            for (int i = 0; i < size; i++) {
                if (namesAndValues[i * 2].equalsIgnoreCase(name)) {
                    return namesAndValues[i * 2 + 1];
                }
            }
            return null;
        }

        /** Returns the immutable headers; the builder may go on being used. */
        public Headers build() {
            if (size == 0) {
                return EMPTY;
            }
            return new Headers(Arrays.copyOf(namesAndValues, size * 2), size);
        }

        private void append(String name, String value) {
            if (size * 2 == namesAndValues.length) {
                namesAndValues = Arrays.copyOf(namesAndValues, namesAndValues.length * 2);
            }
            namesAndValues[size * 2] = name;
            namesAndValues[size * 2 + 1] = value;
            size++;
        }
    }

    /**
     * Checks that {@code name} is a non-empty RFC 9110 token.
     *
     * @throws IllegalArgumentException naming the offending character and its offset
     */
    static void checkName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("header name is null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Ascii.isTchar(c)) {
                throw new IllegalArgumentException("invalid header name " + Ascii.quote(name) + ": "
                        + Ascii.describe(c) + " at offset " + i + " is not a token character (RFC 9110 §5.1)");
            }
        }
    }

    /**
     * Checks that {@code value} holds no CR, LF, NUL or other control character except HTAB, and
     * nothing above U+00FF.
     */
    static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException("invalid value for header " + Ascii.quote(name) + ": "
                        + Ascii.describe(c) + " at offset " + i + " in " + Ascii.quote(value)
                        + " (control characters would let a value split the message)");
            }
            if (c > 0xFF) {
                throw new IllegalArgumentException("invalid value for header " + Ascii.quote(name) + ": "
                        + Ascii.describe(c) + " at offset " + i + " in " + Ascii.quote(value)
                        + " is outside ISO-8859-1; percent-encode it or use RFC 8187 encoding");
            }
        }
    }

    private static String trimOws(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("value of header " + Ascii.quote(name) + " is null");
        }
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }
}
