package dev.courier.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which standard streams are terminals. Java 17 has no {@code isatty}; {@code System.console()}
 * is non-null only when stdin and stdout both are, and on Linux {@code /proc/self/fd/N} tells
 * each stream apart (a link to {@code /dev/pts/*} or {@code /dev/tty*}).
 */
record Terminal(boolean stdin, boolean stdout, boolean stderr) {

    /** Returns what this process is attached to. */
    static Terminal detect() {
        boolean console = System.console() != null;
        return new Terminal(isTty(0, console), console, isTty(2, console));
    }

    /** A terminal-free setting, for tests and pipes. */
    static Terminal none() {
        return new Terminal(false, false, false);
    }

    private static boolean isTty(int fd, boolean fallback) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return fallback;
        }
    }
}
