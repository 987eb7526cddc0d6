package dev.courier.bench;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this module run in a child JVM with the same class path: servers and uploads
 * each get their own process so that their memory and CPU are measured apart from the driver.
 *
 * <p>Lifecycle: {@link #start} launches it, {@link #readLine} reads what it prints (the first line
 * is its {@code READY ...} line), {@link #close} ends it. Its standard error goes to the driver's.
 */
final class ChildJvm implements Closeable {

    /** How long a child may take to print its first line before it is killed. */
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} with JVM flags {@code jvmFlags} and program arguments {@code args}. */
    static ChildJvm start(List<String> jvmFlags, Class<?> mainClass, String... args) throws IOException {
        return start(Path.of(System.getProperty("java.home")), jvmFlags, mainClass, args);
    }

    /** Starts {@code mainClass} on the JDK at {@code javaHome} with {@code jvmFlags} and {@code args}. */
    static ChildJvm start(Path javaHome, List<String> jvmFlags, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ChildJvm(pb.start());
    }

    /** Returns the child's process id, to read its memory from /proc. */
    long pid() {
        return process.pid();
    }

    /** Returns the next line the child prints, waiting at most {@value #START_TIMEOUT_SECONDS} s for it. */
    String readLine() throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
                process.destroyForcibly();
            } catch (InterruptedException e) {
                // the line came in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("child " + process.pid() + " ended without printing a line");
            }
            return line;
        } finally {
            watchdog.interrupt();
        }
    }

    /** Returns the space-separated fields of the child's {@code READY ...} line after the word READY. */
    String[] awaitReady() throws IOException {
        String line = readLine();
        if (!line.startsWith("READY")) {
            throw new IOException("child printed " + line + " instead of READY");
        }
        return line.substring("READY".length()).trim().split(" ");
    }

    /** Ends the child: closes its input (the polite signal), then kills it if it lingers. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
