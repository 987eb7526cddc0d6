package dev.courier.json;

/**
 * Converts between JSON bytes (UTF-8) and Java objects; the service interface behind
 * {@code Body.json(...)} and {@code Response.json(Class)}.
 *
 * <p>{@link #find()} picks, in order: an implementation registered with
 * {@link java.util.ServiceLoader}, the Jackson adapter when {@code jackson-databind} is on the
 * class path, else Courier's built-in mapper, which handles {@code Map}, {@code List},
 * {@code String}, numbers, booleans and null, and says plainly when a class binding needs Jackson.
 */
public interface JsonMapper {

    /**
     * Returns the value of {@code json} as a {@code type}.
     *
     * @throws JsonException if the text is malformed or cannot become a {@code type}
     */
    <T> T read(byte[] json, Class<T> type);

    /**
     * Returns {@code value} as UTF-8 JSON.
     *
     * @throws JsonException if the value cannot be written
     */
    byte[] write(Object value);

    /** Returns the mapper this JVM should use (see the class documentation for the order). */
    static JsonMapper find() {
        return JsonMappers.DEFAULT;
    }
}
