package dev.courier;

import dev.courier.client.TransportFailure;

/** Turns the transport's failures into the public exception types, attaching request and response. */
final class Failures {

    private Failures() {
    }

    static CourierException translate(TransportFailure f, Request request, Response response) {
        String m = f.getMessage();
        switch (f.kind()) {
            case CONNECT_TIMEOUT:
                return new ConnectTimeoutException(m, f, request, response);
            case READ_TIMEOUT:
                return new ReadTimeoutException(m, f, request, response);
            case WRITE_TIMEOUT:
                return new WriteTimeoutException(m, f, request, response);
            case DEADLINE:
                return new DeadlineExceededException(m, f, request, response);
            case TLS:
                return new TlsException(m, f, request, response);
            case PROTOCOL:
                return new ProtocolException(m, f, request, response);
            case CONNECT_FAILED:
            case CONNECTION_LOST:
            default:
                return new ConnectionFailedException(m, f, request, response);
        }
    }
}
