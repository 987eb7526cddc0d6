package dev.courier;

/** Thrown when the TCP or TLS handshake takes longer than the connect timeout (default 10 s). */
public class ConnectTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    ConnectTimeoutException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
