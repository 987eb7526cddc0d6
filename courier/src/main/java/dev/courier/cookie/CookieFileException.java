package dev.courier.cookie;

import java.nio.file.Path;

/** Thrown when a {@code cookies.txt} file has a line that is not a valid cookie; names the file and line. */
public final class CookieFileException extends RuntimeException {

    private final transient Path file;
    private final int lineNumber;

    CookieFileException(Path file, int lineNumber, String message) {
        super((file == null ? "cookies.txt" : file.toString()) + ":" + lineNumber + ": " + message);
        this.file = file;
        this.lineNumber = lineNumber;
    }

    /** Returns the file, or null when the cookies were read from a stream. */
    public Path file() {
        return file;
    }

    /** Returns the 1-based number of the bad line. */
    public int lineNumber() {
        return lineNumber;
    }
}
