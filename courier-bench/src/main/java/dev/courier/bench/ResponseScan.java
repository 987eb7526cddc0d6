package dev.courier.bench;

import java.io.IOException;

/**
 * The minimal response-head scan shared by the raw-socket floor and the built-in load generator:
 * just enough to find the body, nothing a real client could get away with.
 */
final class ResponseScan {

    private static final byte[] CONTENT_LENGTH = "\ncontent-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "\nconnection:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ResponseScan() {
    }

    /** Returns the index just past the blank line ending the head in {@code b[from, to)}, or -1. */
    static int headEnd(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Returns the three-digit status of the status line at the start of {@code b}. */
    static int status(byte[] b) {
        return (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
    }

    /**
     * Returns the Content-Length value in the head {@code b[0, headEnd)}.
     *
     * @throws IOException when there is none (chunked responses are not supported here)
     */
    static long contentLength(byte[] b, int headEnd) throws IOException {
        int k = valueStart(b, headEnd, CONTENT_LENGTH);
        if (k < 0) {
            throw new IOException("response has no Content-Length; this scanner handles only fixed-length bodies");
        }
        long value = 0;
        while (b[k] >= '0' && b[k] <= '9') {
            value = value * 10 + (b[k++] - '0');
        }
        return value;
    }

    /**
     * Returns whether the head {@code b[0, headEnd)} says {@code Connection: close}, after which
     * the server closes the connection (gunicorn's sync workers say it on every response).
     */
    static boolean closes(byte[] b, int headEnd) {
        int k = valueStart(b, headEnd, CONNECTION);
        if (k < 0 || k + CLOSE.length > headEnd) {
            return false;
        }
        for (int j = 0; j < CLOSE.length; j++) {
            if ((b[k + j] | 0x20) != CLOSE[j]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the index of the first non-space byte after header {@code name} (lower case, "\nname:"), or -1. */
    private static int valueStart(byte[] b, int headEnd, byte[] name) {
        outer:
        for (int i = 0; i + name.length < headEnd; i++) {
            for (int j = 0; j < name.length; j++) {
                if ((b[i + j] | 0x20) != name[j] && !(j == 0 && b[i] == '\n')) {
                    continue outer;
                }
            }
            int k = i + name.length;
            while (b[k] == ' ') {
                k++;
            }
            return k;
        }
        return -1;
    }
}
