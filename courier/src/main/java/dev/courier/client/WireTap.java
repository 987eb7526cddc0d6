package dev.courier.client;

/** Receives a copy of every byte written to or read from a connection, for a wire log. */
public interface WireTap {

    /** A tap that ignores everything. */
    WireTap NONE = (sent, b, off, len) -> { };

    /** Called with {@code len} bytes from {@code b[off]}; {@code sent} is true for outgoing bytes. */
    void bytes(boolean sent, byte[] b, int off, int len);
}
