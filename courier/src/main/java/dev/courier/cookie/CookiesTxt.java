package dev.courier.cookie;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Netscape {@code cookies.txt} format that curl ({@code -c}/{@code -b}), wget and Python's
 * {@code http.cookiejar.MozillaCookieJar} read and write.
 *
 * <p>One cookie per line, seven fields separated by HTAB: domain (with a leading dot when the
 * cookie also goes to subdomains), include-subdomains {@code TRUE}/{@code FALSE}, path, secure
 * {@code TRUE}/{@code FALSE}, expiry in epoch seconds ({@code 0} for a session cookie), name,
 * value. A line starting {@code #HttpOnly_} is an HttpOnly cookie; other {@code #} lines and blank
 * lines are comments. The first line is {@code # Netscape HTTP Cookie File}, which
 * {@code MozillaCookieJar} insists on.
 *
 * <p>Reading is strict by default: a malformed line throws {@link CookieFileException} naming the
 * line number. Lenient reading skips such lines with a WARNING log, as curl does. Writing goes to
 * a temporary file in the same folder (owner-only permissions where the file system has them)
 * that is then moved over the target atomically, so a crash never leaves half a file.
 */
public final class CookiesTxt {

    private static final System.Logger LOG = System.getLogger(CookiesTxt.class.getName());
    private static final String HTTP_ONLY_PREFIX = "#HttpOnly_";
    static final String HEADER = "# Netscape HTTP Cookie File\n"
            + "# Written by Courier. Fields: domain, include-subdomains, path, secure, expiry, name, value.\n\n";

    private CookiesTxt() {
    }

    /**
     * Returns the unexpired cookies in {@code file}, strictly: a malformed line throws.
     *
     * @throws CookieFileException for a malformed line, naming its number
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Cookie> load(Path file, Instant now) {
        return load(file, now, true);
    }

    /** Returns the unexpired cookies in {@code file}; when {@code strict} is false bad lines are skipped with a warning. */
    public static List<Cookie> load(Path file, Instant now, boolean strict) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file, now, strict);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cookie file " + file, e);
        }
    }

    /** Returns the unexpired cookies read from {@code reader}; {@code file} only names the source in errors. */
    static List<Cookie> read(Reader reader, Path file, Instant now, boolean strict) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<Cookie> cookies = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            try {
                Cookie c = parseLine(line, now);
                if (c != null && !c.isExpired(now)) {
                    cookies.add(c);
                }
            } catch (IllegalArgumentException bad) {
                CookieFileException e = new CookieFileException(file, number, bad.getMessage());
                if (strict) {
                    throw e;
                }
                LOG.log(Level.WARNING, () -> "skipping " + e.getMessage());
            }
        }
        return cookies;
    }

    /** Returns the cookie on one line, or null for a comment or blank line. */
    static Cookie parseLine(String line, Instant now) {
        boolean httpOnly = line.startsWith(HTTP_ONLY_PREFIX);
        String rest = httpOnly ? line.substring(HTTP_ONLY_PREFIX.length()) : line;
        if (rest.isBlank() || !httpOnly && rest.startsWith("#")) {
            return null;
        }
        String[] f = rest.split("\t", -1);
        // curl also reads six fields when an empty value lost its trailing tab.
        if (f.length != 7 && f.length != 6) {
            throw new IllegalArgumentException("expected 7 tab-separated fields (domain, include-subdomains,"
                    + " path, secure, expiry, name, value), found " + f.length + " in " + CookieChars.quote(line));
        }
        String domain = f[0];
        if (domain.isEmpty() || domain.equals(".")) {
            throw new IllegalArgumentException("empty domain in " + CookieChars.quote(line));
        }
        boolean includeSubdomains = bool(f[1], "include-subdomains", line);
        String path = f[2];
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path " + CookieChars.quote(path) + " does not start with '/'");
        }
        boolean secure = bool(f[3], "secure", line);
        Instant expires = expiry(f[4]);
        String name = f[5];
        String value = f.length == 7 ? f[6] : "";
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty cookie name in " + CookieChars.quote(line));
        }
        // curl trusts the flag over the dot; both spell the same thing in files curl writes.
        return Cookie.builder().name(name).value(value).domain(domain).hostOnly(!includeSubdomains)
                .path(path).secure(secure).httpOnly(httpOnly).expiresAt(expires)
                .creationTime(now).lastAccessTime(now).build();
    }

    private static boolean bool(String field, String what, String line) {
        if (field.equalsIgnoreCase("TRUE")) {
            return true;
        }
        if (field.equalsIgnoreCase("FALSE")) {
            return false;
        }
        throw new IllegalArgumentException(what + " must be TRUE or FALSE, found " + CookieChars.quote(field));
    }

    /** Returns the expiry of field 5: epoch seconds, with 0 or empty (Python writes "") for a session cookie. */
    private static Instant expiry(String field) {
        if (field.isEmpty() || field.equals("0")) {
            return null;
        }
        long seconds = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9' || i >= 18) {
                throw new IllegalArgumentException("expiry must be epoch seconds (0 for a session cookie),"
                        + " found " + CookieChars.quote(field));
            }
            seconds = seconds * 10 + (c - '0');
        }
        return Instant.ofEpochSecond(seconds);
    }

    /**
     * Writes {@code cookies} to {@code file} atomically, leaving out expired cookies and, unless
     * {@code includeSession}, session cookies (written with expiry 0, as curl does). A cookie whose
     * name or value holds HTAB cannot be written in this format and is skipped with a warning.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(Path file, Collection<Cookie> cookies, Instant now, boolean includeSession) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                write(w, cookies, now, includeSession);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cookie file " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original error matters more than the leftover temporary file.
                }
            }
        }
    }

    /** Writes the header line and one line per cookie kept. */
    static void write(Writer w, Collection<Cookie> cookies, Instant now, boolean includeSession) throws IOException {
        w.write(HEADER);
        for (Cookie c : cookies) {
            if (c.isExpired(now) || !includeSession && !c.persistent()) {
                continue;
            }
            if (c.name().indexOf('\t') >= 0 || c.value().indexOf('\t') >= 0) {
                LOG.log(Level.WARNING, () -> "not saving cookie " + CookieChars.quote(c.name())
                        + ": a tab in its name or value cannot be written in cookies.txt");
                continue;
            }
            w.write(line(c));
            w.write('\n');
        }
    }

    /** Returns the line for one cookie, e.g. {@code .example.com\tTRUE\t/\tFALSE\t0\tsid\tabc}. */
    static String line(Cookie c) {
        return (c.httpOnly() ? HTTP_ONLY_PREFIX : "") + (c.hostOnly() ? "" : ".") + c.domain()
                + '\t' + (c.hostOnly() ? "FALSE" : "TRUE") + '\t' + c.path()
                + '\t' + (c.secure() ? "TRUE" : "FALSE")
                + '\t' + (c.persistent() ? c.expiresAt().getEpochSecond() : 0)
                + '\t' + c.name() + '\t' + c.value();
    }
}
