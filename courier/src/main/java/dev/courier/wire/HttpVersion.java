package dev.courier.wire;

/** The HTTP/1.x versions this codec speaks (RFC 9112 §2.3). */
public enum HttpVersion {
    /** HTTP/1.0: no Host requirement, no chunked coding, close by default. */
    HTTP_1_0("HTTP/1.0"),
    /** HTTP/1.1: persistent connections, chunked coding, Host required. */
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** Returns the version as written on the wire, e.g. {@code "HTTP/1.1"}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
