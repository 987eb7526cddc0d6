package dev.courier;

/** Thrown when the server's answer is not valid HTTP/1.1: a malformed head, an ambiguous body length, corrupt gzip data. */
public class ProtocolException extends CourierException {

    private static final long serialVersionUID = 1L;

    ProtocolException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
