package dev.courier.bench;

import java.nio.file.Path;

/**
 * Runs one server of {@link Servers} in this JVM: {@code ServerMain <name> <staticDir>}. Prints
 * {@code READY <port>}, then serves until its standard input closes.
 */
final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Servers.Entry entry = Servers.all().get(args[0]);
        if (entry == null) {
            throw new IllegalArgumentException("no server named " + args[0] + "; known: " + Servers.all().keySet());
        }
        try (BenchServer server = entry.factory().start(Path.of(args[1]))) {
            System.out.println("READY " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the driver to close our input
            }
        }
        System.exit(0);
    }
}
