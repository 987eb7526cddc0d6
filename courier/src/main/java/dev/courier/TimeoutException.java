package dev.courier;

/** The base of the four timeouts: connect, read, write and the total deadline of a call. */
public abstract class TimeoutException extends CourierException {

    private static final long serialVersionUID = 1L;

    TimeoutException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
