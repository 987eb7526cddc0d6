package dev.courier;

/** Thrown when a whole call, redirects and retries included, takes longer than the session's total deadline. */
public class DeadlineExceededException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    DeadlineExceededException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
