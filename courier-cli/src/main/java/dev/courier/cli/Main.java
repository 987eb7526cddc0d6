package dev.courier.cli;

import dev.courier.ConnectionFailedException;
import dev.courier.TimeoutException;
import dev.courier.TooManyRedirectsException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Entry point of the {@code courier} command: HTTPie's {@code http} command line on Courier's
 * engine ({@code courier [METHOD] URL [ITEM...]}), plus {@code courier serve} and
 * {@code courier demo}.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command with {@code args} and exits with HTTPie's exit status. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), false);
        int status = run(args, System.in, out, System.err, Terminal.detect());
        out.flush();
        System.exit(status);
    }

    /** Runs the command and returns its exit status; the streams and terminal are given for tests. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Terminal term) {
        if (args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"))) {
            try {
                return args[0].equals("demo") ? new Demo(out).run() : Serve.run(args, out);
            } catch (Exception e) {
                return fail(err, e, e.getMessage(), ExitStatus.ERROR, java.util.Arrays.asList(args).contains("--traceback"));
            } finally {
                out.flush();
            }
        }
        Options o = new Options();
        CommandLine cl = new CommandLine(o).setUnmatchedOptionsArePositionalParams(false)
                .setCaseInsensitiveEnumValuesAllowed(true).setOverwrittenOptionsAllowed(true);
        boolean traceback = java.util.Arrays.asList(args).contains("--traceback");
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("usage: courier [METHOD] URL [ITEM...]   (courier --help for more)");
            err.println("courier: error: " + oneLine(e.getMessage()));
            return ExitStatus.ERROR;
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(out);
            return ExitStatus.SUCCESS;
        }
        if (cl.isVersionHelpRequested()) {
            out.println(version());
            return ExitStatus.SUCCESS;
        }
        PrintStream target = out;
        try {
            if (o.output != null && !o.download) {
                target = new PrintStream(new FileOutputStream(o.output), false);
            }
            int status = new Runner(o, in, target, err, term).run();
            target.flush();
            return status;
        } catch (CliException e) {
            return fail(err, e, e.getMessage(), e.exitStatus(), traceback);
        } catch (TimeoutException e) {
            String t = o.timeout == null ? "" : " (" + o.timeout + "s)";
            return fail(err, e, "request timed out" + t + ": " + e.getMessage(), ExitStatus.TIMEOUT, traceback);
        } catch (TooManyRedirectsException e) {
            return fail(err, e, "too many redirects (--max-redirects=" + o.maxRedirects + "): " + e.getMessage(),
                    ExitStatus.TOO_MANY_REDIRECTS, traceback);
        } catch (ConnectionFailedException e) {
            return fail(err, e, "cannot connect: " + e.getMessage(), ExitStatus.ERROR, traceback);
        } catch (IOException | RuntimeException e) {
            return fail(err, e, e.getClass().getSimpleName() + ": " + e.getMessage(), ExitStatus.ERROR, traceback);
        } finally {
            if (target != out) {
                target.close();
            }
        }
    }

    private static int fail(PrintStream err, Throwable e, String message, int status, boolean traceback) {
        if (traceback) {
            e.printStackTrace(err);
        }
        err.println("courier: error: " + oneLine(message));
        return status;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", " ").replace('\n', ' ').strip();
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
