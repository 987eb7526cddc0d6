package dev.courier;

/** Thrown when a URL cannot be used: no scheme, a bad character, or a scheme other than http and https. */
public class InvalidUrlException extends CourierException {

    private static final long serialVersionUID = 1L;

    InvalidUrlException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
