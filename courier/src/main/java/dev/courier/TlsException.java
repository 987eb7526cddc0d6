package dev.courier;

/** Thrown when the TLS handshake fails: unknown CA, host name mismatch, expired certificate, or a required client certificate missing; the message says which. */
public class TlsException extends ConnectionFailedException {

    private static final long serialVersionUID = 1L;

    TlsException(String message, Throwable cause, Request request, Response response) {
        super(message, cause, request, response);
    }
}
