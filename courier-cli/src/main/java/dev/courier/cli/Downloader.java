package dev.courier.cli;

import dev.courier.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * {@code --download}: saves the body to a file named by {@code --output}, the Content-Disposition
 * filename, or the URL's last path segment (HTTPie's order), never overwriting an existing file
 * unless named by {@code -o}; with {@code --continue} a 206 reply to {@code Range} is appended.
 * A progress line (size, speed, ETA) goes to stderr only when it is a terminal.
 */
final class Downloader {

    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private Downloader() {
    }

    /** Returns the offset to resume from: the size of {@code output} when resuming, else 0. */
    static long resumeOffset(String output, boolean resume) {
        if (!resume || output == null) {
            return 0;
        }
        try {
            Path p = Path.of(output);
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Saves the body of {@code r} and returns the file. */
    static Path save(Response r, String output, long offset, PrintStream err, boolean progress) throws IOException {
        boolean append = offset > 0 && r.statusCode() == 206;
        Path file = output != null ? Path.of(output) : uniqueName(Path.of(suggestedName(r)));
        long total = -1;
        String len = r.header("Content-Length");
        if (len != null) {
            try {
                total = Long.parseLong(len.strip()) + (append ? offset : 0);
            } catch (NumberFormatException ignored) {
                total = -1;
            }
        }
        err.println("Downloading " + (total >= 0 ? human(total) + " " : "") + "to \"" + file + "\"");
        long done = append ? offset : 0;
        long start = System.nanoTime();
        long lastReport = 0;
        try (InputStream in = r.stream();
                OutputStream out = Files.newOutputStream(file, append
                        ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                        : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE})) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                done += n;
                long now = System.nanoTime();
                if (progress && now - lastReport > PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    err.print("\r" + progressLine(done, total, now - start));
                    err.flush();
                }
            }
        }
        double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        if (progress) {
            err.print("\r" + progressLine(done, total, System.nanoTime() - start) + "\n");
        }
        err.printf(Locale.ROOT, "Done. %s in %.2fs (%s/s)%n", human(done), secs, human((long) (done / secs)));
        return file;
    }

    static String progressLine(long done, long total, long nanos) {
        double secs = Math.max(1e-3, nanos / 1e9);
        double speed = done / secs;
        StringBuilder sb = new StringBuilder();
        if (total > 0) {
            int pct = (int) (done * 100 / total);
            int bars = pct / 5;
            sb.append(String.format(Locale.ROOT, "%3d%% [", pct)).append("#".repeat(bars)).append(" ".repeat(20 - bars))
                    .append("] ");
        }
        sb.append(human(done));
        if (total > 0) {
            sb.append(" / ").append(human(total));
        }
        sb.append(" ").append(human((long) speed)).append("/s");
        if (total > 0 && speed > 0) {
            sb.append(String.format(Locale.ROOT, " ETA %ds", (long) ((total - done) / speed)));
        }
        return sb.toString();
    }

    /** HTTPie's choice: Content-Disposition filename, else the last URL segment, else "index". */
    static String suggestedName(Response r) {
        String cd = r.header("Content-Disposition");
        if (cd != null) {
            int i = cd.toLowerCase(Locale.ROOT).indexOf("filename=");
            if (i >= 0) {
                String name = cd.substring(i + 9).strip();
                int semi = name.indexOf(';');
                name = semi >= 0 ? name.substring(0, semi) : name;
                name = name.replace("\"", "").strip();
                name = Path.of(name).getFileName() == null ? "" : Path.of(name).getFileName().toString();
                if (!name.isEmpty() && !name.startsWith(".")) {
                    return name;
                }
            }
        }
        String path = java.net.URI.create(r.url()).getPath();
        String leaf = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (leaf.isEmpty() || leaf.startsWith(".")) {
            leaf = "index";
        }
        if (!leaf.contains(".")) {
            String type = r.header("Content-Type");
            if (type != null) {
                String t = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
                String ext = t.equals("text/html") ? ".html" : t.equals("application/json") ? ".json"
                        : t.equals("text/plain") ? ".txt" : "";
                leaf += ext;
            }
        }
        return leaf;
    }

    private static Path uniqueName(Path p) {
        if (!Files.exists(p)) {
            return p;
        }
        for (int i = 1; i < 10_000; i++) {
            Path q = Path.of(p + "-" + i);
            if (!Files.exists(q)) {
                return q;
            }
        }
        throw new CliException("cannot find a free file name next to " + p + "; pass --output");
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = {"kB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }
}
