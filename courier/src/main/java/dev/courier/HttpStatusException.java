package dev.courier;

/**
 * Thrown by {@link Response#raiseForStatus()} for a 4xx or 5xx status; the response is always
 * present, with its body still readable.
 */
public class HttpStatusException extends CourierException {

    private static final long serialVersionUID = 1L;

    HttpStatusException(String message, Request request, Response response) {
        super(message, null, request, response);
    }

    /** Returns the response whose status was an error. */
    public Response errorResponse() {
        return response().orElseThrow();
    }
}
