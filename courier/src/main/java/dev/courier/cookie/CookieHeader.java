package dev.courier.cookie;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The request {@code Cookie} header (RFC 6265 §4.2, §5.4): rendering for a client, lenient
 * parsing for a server.
 *
 * <pre>{@code
 * CookieHeader.parse("a=1;b=2;  c=\"x y\"");   // [a=1, b=2, c=x y]
 * }</pre>
 */
public final class CookieHeader {

    /** One name/value pair of a {@code Cookie} header, in the order the client sent it. */
    public record Pair(String name, String value) {
        /** Checks both parts are present. */
        public Pair {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** Returns {@code name=value}. */
        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    /** Where the parser is within one pair. */
    private enum State { NAME, VALUE }

    private CookieHeader() {
    }

    /** Returns the header value for {@code cookies} in the given order, e.g. {@code "a=1; b=2"}. */
    public static String render(List<Cookie> cookies) {
        StringBuilder sb = new StringBuilder();
        for (Cookie c : cookies) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.name()).append('=').append(c.value());
        }
        return sb.toString();
    }

    /**
     * Returns the pairs of a {@code Cookie} header value in order, leniently: pairs may be
     * separated by {@code ";"} with or without spaces, SP and HTAB around names and values are
     * dropped, one pair of double quotes around a value is removed (as Go's net/http and Werkzeug
     * do), empty pieces are skipped, and a piece without {@code '='} becomes a pair with an empty
     * name (RFC 6265bis §5.4, how browsers send a nameless cookie). Names may repeat; the first one
     * sent is the most specific (longest path).
     */
    public static List<Pair> parse(String header) {
        List<Pair> pairs = new ArrayList<>();
        State state = State.NAME;
        int n = header.length();
        int start = 0;
        int eq = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? header.charAt(i) : ';';
            if (c == '=' && state == State.NAME) {
                eq = i;
                state = State.VALUE;
            } else if (c == ';') {
                addPair(pairs, header, start, eq, i);
                start = i + 1;
                eq = -1;
                state = State.NAME;
            }
        }
        return List.copyOf(pairs);
    }

    private static void addPair(List<Pair> pairs, String header, int start, int eq, int end) {
        String name = eq < 0 ? "" : CookieChars.trimWsp(header, start, eq);
        String value = CookieChars.trimWsp(header, eq < 0 ? start : eq + 1, end);
        if (name.isEmpty() && value.isEmpty()) {
            return;
        }
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            value = value.substring(1, value.length() - 1);
        }
        pairs.add(new Pair(name, value));
    }
}
