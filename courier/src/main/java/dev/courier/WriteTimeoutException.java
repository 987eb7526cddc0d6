package dev.courier;

/** Thrown when a write of the request does not finish within the write timeout (default 60 s), e.g. when the server stops reading. */
public class WriteTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    WriteTimeoutException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
