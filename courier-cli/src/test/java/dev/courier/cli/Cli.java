package dev.courier.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command in this JVM with captured streams and no terminal. */
final class Cli {

    record Result(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    static Result runWithStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Main.run(args, new ByteArrayInputStream(stdin), o, e, Terminal.none());
        o.flush();
        return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
