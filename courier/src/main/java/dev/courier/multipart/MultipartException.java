package dev.courier.multipart;

/**
 * Thrown when a multipart body is malformed or goes past a limit; the message names the rule or
 * the limit (with its value and what was seen), where in the body it happened, and a fix.
 */
public class MultipartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its full message. */
    public MultipartException(String message) {
        super(message);
    }

    /** Creates the exception with its full message and the failure that caused it. */
    public MultipartException(String message, Throwable cause) {
        super(message, cause);
    }
}
