package dev.courier.cli;

/**
 * Entry point of the {@code courier} command.
 *
 * <p>The HTTPie-compatible command, {@code serve} and {@code demo} are not built yet (issue 9).
 * Until then this says so plainly and exits with status 2 rather than pretending.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command with {@code args}. */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println("courier " + version());
            return;
        }
        System.err.println("courier: the command line is not built yet; the library and its tests are"
                + " (see README.md). Only --version works for now.");
        System.exit(2);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
