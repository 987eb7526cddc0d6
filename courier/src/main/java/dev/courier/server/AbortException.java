package dev.courier.server;

/**
 * Thrown by a handler, a filter or the request accessors to answer with a specific error status
 * (like Flask's {@code abort}); the router replies with that status and the message as a
 * {@code text/plain} body.
 *
 * <pre>{@code
 * if (user == null) throw new AbortException(404, "no user " + id);
 * }</pre>
 *
 * <p>The message is sent to the client, so it must not hold secrets; it is never followed by a
 * stack trace.
 */
public class AbortException extends RuntimeException {

    private final int status;

    /**
     * Creates the exception for {@code status} (400 to 599) with a message for the client.
     *
     * @throws IllegalArgumentException if {@code status} is not a client or server error
     */
    public AbortException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "AbortException needs an error status 400..599, got " + status
                            + "; return a Reply for other statuses");
        }
        this.status = status;
    }

    /** Returns the status to answer with, e.g. 400. */
    public int status() {
        return status;
    }
}
