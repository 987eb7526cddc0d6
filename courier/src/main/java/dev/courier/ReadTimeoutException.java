package dev.courier;

/** Thrown when no byte of the response arrives within the read timeout (default 60 s), which bounds each wait between bytes, not the whole response. */
public class ReadTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    ReadTimeoutException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
