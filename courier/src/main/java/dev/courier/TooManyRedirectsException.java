package dev.courier;

import java.util.List;

/**
 * Thrown when a call is redirected more often than the session allows (30 by default, as
 * requests); {@link #history()} holds every redirect response in order.
 */
public class TooManyRedirectsException extends CourierException {

    private static final long serialVersionUID = 1L;

    private final transient List<Response> history;

    TooManyRedirectsException(String message, Request request, Response last, List<Response> history) {
        super(message, null, request, last);
        this.history = List.copyOf(history);
    }

    /** Returns the redirect responses received, first to last. */
    public List<Response> history() {
        return history;
    }
}
