package dev.courier.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, ordered list of the header fields of one multipart part.
 *
 * <p>This is not {@link dev.courier.http.Headers}: part headers travel inside the body, where
 * browsers, curl and urllib3 write file names as raw UTF-8 (WHATWG HTML, "multipart/form-data
 * encoding algorithm"), so values here may hold any Unicode character and are written as UTF-8.
 * Names are RFC 9110 tokens; values may not hold CR, LF, NUL or other control characters except
 * horizontal tab, so a header can never end the header section early. Lookups ignore ASCII case.
 * For example:
 *
 * <pre>{@code
 * PartHeaders h = PartHeaders.of("Content-Type", "text/plain", "X-Trace", "abc");
 * h.get("content-type");   // "text/plain"
 * }</pre>
 */
public final class PartHeaders {

    private static final PartHeaders EMPTY = new PartHeaders(new String[0]);

    /** Flat name, value, name, value ... array. */
    private final String[] namesAndValues;

    private PartHeaders(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** Returns the empty header list. */
    public static PartHeaders empty() {
        return EMPTY;
    }

    /** Returns headers from alternating names and values, e.g. {@code of("X-A", "1", "X-B", "2")}. */
    public static PartHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "expected alternating names and values, got an odd count: "
                            + namesAndValues.length);
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

    /** Returns a builder that starts with these headers. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.list.addAll(Arrays.asList(namesAndValues));
        return b;
    }

    /** Returns the number of header fields. */
    public int size() {
        return namesAndValues.length / 2;
    }

    /** Returns true when there is no header field. */
    public boolean isEmpty() {
        return namesAndValues.length == 0;
    }

    /** Returns the name of field {@code index}, spelled as given. */
    public String name(int index) {
        return namesAndValues[2 * index];
    }

    /** Returns the value of field {@code index}. */
    public String value(int index) {
        return namesAndValues[2 * index + 1];
    }

    /** Returns the first value of {@code name} (ignoring case), or null when absent. */
    public String get(String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    /** Returns every value of {@code name} (ignoring case), in order; empty when absent. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                out.add(namesAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Returns the fields as {@code [name, value]} pairs, in order. */
    public List<List<String>> pairs() {
        List<List<String>> out = new ArrayList<>(size());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.add(List.of(namesAndValues[i], namesAndValues[i + 1]));
        }
        return Collections.unmodifiableList(out);
    }

    /** Returns the header section as written in a part: {@code Name: value\r\n} lines, UTF-8. */
    byte[] toBytes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sb.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartHeaders && Arrays.equals(namesAndValues, ((PartHeaders) o).namesAndValues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(namesAndValues);
    }

    @Override
    public String toString() {
        return pairs().toString();
    }

    /** Collects header fields in order and validates each one as it is added. */
    public static final class Builder {
        private final List<String> list = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a field after the existing ones.
         *
         * @throws IllegalArgumentException when the name is not a token or the value holds a
         *     control character other than tab
         */
        public Builder add(String name, String value) {
            checkName(name);
            checkValue(name, value);
            list.add(name);
            list.add(value);
            return this;
        }

        /** Removes every field called {@code name} (ignoring case), then adds this one. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Removes every field called {@code name}, ignoring case. */
        public Builder remove(String name) {
            for (int i = list.size() - 2; i >= 0; i -= 2) {
                if (list.get(i).equalsIgnoreCase(name)) {
                    list.remove(i + 1);
                    list.remove(i);
                }
            }
            return this;
        }

        /** Returns the immutable header list. */
        public PartHeaders build() {
            return list.isEmpty() ? EMPTY : new PartHeaders(list.toArray(new String[0]));
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("part header name is empty; give a token such as X-Trace");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTchar(name.charAt(i))) {
                throw new IllegalArgumentException("part header name " + Escape.quote(name)
                        + " has a character that is not allowed in a token (RFC 9110 §5.6.2) at index " + i);
            }
        }
    }

    static void checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("part header " + name + " has a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("part header " + name + " value " + Escape.quote(value)
                        + " has control character 0x" + Integer.toHexString(c) + " at index " + i
                        + "; CR and LF would end the part's header section early");
            }
        }
    }

    static boolean isTchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
