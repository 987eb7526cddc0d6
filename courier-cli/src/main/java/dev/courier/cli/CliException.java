package dev.courier.cli;

/** A user error of the command line: printed as one {@code courier: error: ...} line, exit status 1. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    CliException(String message) {
        this(message, ExitStatus.ERROR);
    }

    CliException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    int exitStatus() {
        return exitStatus;
    }
}
