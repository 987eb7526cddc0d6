package dev.courier;

import java.io.PrintStream;

/**
 * Receives every byte a session writes to or reads from the network, exactly as on the wire
 * (after TLS decryption, before any decoding): set with {@code Session.builder().wireLog(...)}.
 *
 * <pre>{@code
 * Session s = Session.builder().wireLog(WireLog.to(System.err)).build();
 * // > GET / HTTP/1.1
 * // > Host: example.com
 * // < HTTP/1.1 200 OK
 * }</pre>
 *
 * <p>Calls come from the thread doing the I/O; the array is a copy the log may keep. A session
 * with a wire log sends file bodies through its buffer rather than with sendfile, so that the
 * log sees them.
 */
@FunctionalInterface
public interface WireLog {

    /** Which way bytes went. */
    enum Direction {
        /** Written to the server. */
        SENT,
        /** Read from the server. */
        RECEIVED
    }

    /** Receives {@code data}, a copy of bytes that went {@code direction}. */
    void bytes(Direction direction, byte[] data);

    /**
     * Returns a log printing each line to {@code out} with {@code "> "} or {@code "< "} before it,
     * bytes as ISO-8859-1 with CR shown as {@code \r} and other control bytes as {@code \xNN}.
     */
    static WireLog to(PrintStream out) {
        return (direction, data) -> {
            StringBuilder sb = new StringBuilder(data.length + 16);
            String prefix = direction == Direction.SENT ? "> " : "< ";
            boolean lineStart = true;
            for (byte b : data) {
                int c = b & 0xFF;
                if (lineStart) {
                    sb.append(prefix);
                    lineStart = false;
                }
                if (c == '\n') {
                    sb.append("\\n\n");
                    lineStart = true;
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c < 0x20 && c != '\t' || c == 0x7F) {
                    sb.append(String.format("\\x%02x", c));
                } else {
                    sb.append((char) c);
                }
            }
            if (!lineStart) {
                sb.append('\n');
            }
            synchronized (out) {
                out.print(sb);
                out.flush();
            }
        };
    }
}
