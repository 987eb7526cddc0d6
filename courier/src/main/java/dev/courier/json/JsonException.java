package dev.courier.json;

/**
 * Thrown when JSON cannot be read or written: malformed text (the message gives the offset and
 * quotes the input around it), a value the writer cannot represent, or a type binding that needs
 * a {@link JsonMapper} the class path does not have.
 */
public class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@code message}. */
    public JsonException(String message) {
        super(message);
    }

    /** Creates an exception with {@code message} caused by {@code cause}. */
    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
