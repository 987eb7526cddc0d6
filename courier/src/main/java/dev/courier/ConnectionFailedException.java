package dev.courier;

/** Thrown when no connection could be made, or it broke while a request or response was in flight. */
public class ConnectionFailedException extends CourierException {

    private static final long serialVersionUID = 1L;

    ConnectionFailedException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
