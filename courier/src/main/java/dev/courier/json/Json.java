package dev.courier.json;

import java.nio.charset.StandardCharsets;

/**
 * Reads and writes JSON (RFC 8259) with no dependency: objects become {@code Map<String, Object>}
 * (insertion-ordered), arrays {@code List<Object>}, numbers {@code Long} when integral and in
 * range, else {@code Double} (or {@code BigDecimal} when a double would lose digits), plus
 * {@code String}, {@code Boolean} and null. For example:
 *
 * <pre>{@code
 * Map<?, ?> m = (Map<?, ?>) Json.parse("{\"name\":\"Ada\",\"tags\":[1,2]}");
 * Json.write(m);   // {"name":"Ada","tags":[1,2]}
 * }</pre>
 *
 * <p>Binding to your own classes is the job of a {@link JsonMapper} such as Jackson's.
 */
public final class Json {

    /** Deepest nesting the reader accepts; deeper input is refused rather than risking the stack. */
    public static final int DEFAULT_MAX_DEPTH = 512;

    private Json() {
    }

    /**
     * Returns the value {@code text} holds.
     *
     * @throws JsonException naming the offset and the problem when the text is not JSON
     */
    public static Object parse(String text) {
        return new JsonReader(text, DEFAULT_MAX_DEPTH).readDocument();
    }

    /** Returns the value the UTF-8 bytes {@code json} hold. */
    public static Object parse(byte[] json) {
        return parse(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Returns compact JSON for {@code value}: a Map (keys as strings), Iterable, array, CharSequence,
     * Number, Boolean, Character, Enum (by name) or null.
     *
     * @throws JsonException for any other type, or a non-finite number
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.write(value, sb, null, 0);
        return sb.toString();
    }

    /** Returns JSON for {@code value} indented by {@code indent} spaces per level, as HTTPie prints it. */
    public static String writePretty(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.write(value, sb, " ".repeat(indent), 0);
        return sb.toString();
    }
}
