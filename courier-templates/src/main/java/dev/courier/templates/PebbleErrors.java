package dev.courier.templates;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.Reader;

/**
 * Turns what Pebble throws into a {@link TemplateException} that says where: the template, the
 * line Pebble reports, and a column found here, since Pebble's tokens carry no column.
 *
 * <p>How the column is found: the offending text is taken from Pebble's message (see
 * {@link #token}) and looked for on the reported line of the template's source; it counts only
 * when it occurs exactly once there (a name only as a whole word), so a column is never a guess
 * between two places.
 */
final class PebbleErrors {

    /**
     * Most characters of a template read to locate a fault and show it: a megabyte is far beyond
     * any hand-written page, and the excerpt only needs the lines around the fault.
     */
    static final int DEFAULT_MAX_SOURCE_CHARS = 1 << 20;

    /** How many causes are searched for a message that names the offending text. */
    private static final int MAX_CAUSE_DEPTH = 4;

    private final Loader<String> sources;
    private final String searched;
    private final String classpathPrefix;
    private final java.nio.file.Path directory;

    /**
     * Creates the translator; {@code sources} reads template text, {@code searched} describes the
     * folder (e.g. {@code classpath folder "templates"}), and one of {@code classpathPrefix} and
     * {@code directory} says where a template's file is looked for.
     */
    PebbleErrors(Loader<String> sources, String searched, String classpathPrefix, java.nio.file.Path directory) {
        this.sources = sources;
        this.searched = searched;
        this.classpathPrefix = classpathPrefix;
        this.directory = directory;
    }

    /** Returns the exception to throw for {@code e}, raised while rendering template {@code name}. */
    TemplateException translate(Exception e, String name) {
        if (e instanceof TemplateException) {
            return (TemplateException) e;
        }
        if (e instanceof LoaderException) {
            return missing((LoaderException) e, name);
        }
        if (e instanceof PebbleException) {
            PebbleException p = (PebbleException) e;
            String at = p.getFileName() == null ? name : p.getFileName();
            int line = p.getLineNumber() == null || p.getLineNumber() < 1 ? -1 : p.getLineNumber();
            String source = source(at);
            int column = line > 0 ? column(tokenOf(p), lineOf(source, line)) : -1;
            String detail = p.getPebbleMessage() + (at.equals(name) ? "" : " (rendering " + quote(name) + ")");
            return new TemplateException(detail, at, line, column, source, e);
        }
        if (e instanceof IOException) {
            return new TemplateException("writing the output failed: " + e.getMessage(), name, -1, -1, null, e);
        }
        // Java code called by Pebble (a filter, a getter) failed; Pebble passes these on without a line.
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return new TemplateException(message, name, -1, -1, null, e);
    }

    /** Returns the exception for a template not found: {@code name} itself, or one it includes or extends. */
    private TemplateException missing(LoaderException e, String name) {
        String quoted = firstQuoted(e.getPebbleMessage());
        if (quoted == null || quoted.equals(name) || quoted.endsWith("/" + name)) {
            return new TemplateException("not found in " + searched + " (looked for " + lookedFor(name)
                    + "); check the name and the folder", name, -1, -1, null, e);
        }
        String other = quoted;
        String cp = classpathPrefix == null ? null : (classpathPrefix.endsWith("/") ? classpathPrefix : classpathPrefix + "/");
        if (cp != null && !cp.equals("/") && other.startsWith(cp)) {
            other = other.substring(cp.length()); // the classpath loader's message has the prefix
        }
        String where = "not found in " + searched + " (looked for " + lookedFor(other) + "); check the name and the folder";
        String source = source(name);
        int[] at = findQuoted(source, other);
        if (at != null) {
            return new TemplateException("includes or extends " + quote(other) + ", which is " + where,
                    name, at[0], at[1], source, e);
        }
        return new TemplateException("a template it includes or extends, " + quote(other) + ", is " + where,
                name, -1, -1, source, e);
    }

    /** Returns where the loader looks for template {@code name}, e.g. {@code classpath resource "templates/a.html"}. */
    private String lookedFor(String name) {
        if (directory != null) {
            return "file " + quote(directory.resolve(name).toString());
        }
        String p = classpathPrefix == null || classpathPrefix.isEmpty() ? "" : classpathPrefix.endsWith("/") ? classpathPrefix : classpathPrefix + "/";
        return "classpath resource " + quote(p + name);
    }

    /** Returns the text of template {@code name}, at most {@link #DEFAULT_MAX_SOURCE_CHARS}, or null if unreadable. */
    String source(String name) {
        try (Reader r = sources.getReader(sources.createCacheKey(name))) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            // Bounded by the limit and by the end of the template.
            while (sb.length() < DEFAULT_MAX_SOURCE_CHARS && (n = r.read(buf, 0, Math.min(buf.length,
                    DEFAULT_MAX_SOURCE_CHARS - sb.length()))) >= 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException | RuntimeException unreadable) {
            return null; // the exception still names template and line; only the excerpt is lost
        }
    }

    /** Returns the offending text named by {@code e}'s message or one of its causes', or null. */
    private static String tokenOf(PebbleException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof PebbleException) {
                String token = token(((PebbleException) t).getPebbleMessage());
                if (token != null) {
                    return token;
                }
            }
        }
        return null;
    }

    /**
     * Returns the text a Pebble message says is at fault, or null when it names none that is in
     * the source: {@code Unexpected token "EXECUTE_END" of value "%}"} gives {@code %}};
     * {@code Unexpected tag name "endif"} gives {@code endif}; {@code Filter [upperr] does not
     * exist.} gives {@code upperr}; {@code Unclosed "("} gives null, as the text is what is
     * missing; so does {@code Unexpected end of template}.
     */
    static String token(String message) {
        if (message == null || message.startsWith("Unclosed") || message.startsWith("Unexpected end")) {
            return null;
        }
        int value = message.indexOf("value \"");
        if (value >= 0) {
            return between(message, value + "value \"".length(), '"');
        }
        if (message.startsWith("Unexpected")) {
            return firstQuoted(message);
        }
        int open = message.indexOf('[');
        return open < 0 ? null : between(message, open + 1, ']');
    }

    /**
     * Returns the 1-based column of {@code token} in {@code line} when it occurs there exactly
     * once (a name only as a whole word, so {@code x} is not found inside {@code max}), else -1.
     */
    static int column(String token, String line) {
        if (token == null || token.isEmpty() || line == null) {
            return -1;
        }
        boolean word = isWordChar(token.charAt(0)) && isWordChar(token.charAt(token.length() - 1));
        int found = -1;
        // Bounded: each pass moves from past the previous match.
        for (int i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + 1)) {
            if (word && ((i > 0 && isWordChar(line.charAt(i - 1)))
                    || (i + token.length() < line.length() && isWordChar(line.charAt(i + token.length()))))) {
                continue;
            }
            if (found >= 0) {
                return -1; // twice on the line: which one Pebble meant is unknown
            }
            found = i;
        }
        return found < 0 ? -1 : found + 1;
    }

    /** Returns line {@code n} (1-based) of {@code source} without its line end, or null. */
    static String lineOf(String source, int n) {
        if (source == null) {
            return null;
        }
        int start = 0;
        // Bounded by n and by the source's length.
        for (int i = 1; i < n; i++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        if (end < 0) {
            end = source.length();
        }
        if (end > start && source.charAt(end - 1) == '\r') {
            end--;
        }
        return source.substring(start, end);
    }

    /** Returns {line, column} of the only place {@code source} has {@code name} in quotes, or null. */
    private static int[] findQuoted(String source, String name) {
        if (source == null) {
            return null;
        }
        int[] at = null;
        for (String q : new String[] {"\"" + name + "\"", "'" + name + "'"}) {
            for (int i = source.indexOf(q); i >= 0; i = source.indexOf(q, i + 1)) {
                if (at != null) {
                    return null; // named twice: which one failed is unknown
                }
                int lineStart = source.lastIndexOf('\n', i) + 1;
                int line = 1;
                for (int j = source.indexOf('\n'); j >= 0 && j < i; j = source.indexOf('\n', j + 1)) {
                    line++;
                }
                at = new int[] {line, i - lineStart + 2}; // the name, just past its quote
            }
        }
        return at;
    }

    private static String firstQuoted(String s) {
        if (s == null) {
            return null;
        }
        int open = s.indexOf('"');
        return open < 0 ? null : between(s, open + 1, '"');
    }

    private static String between(String s, int from, char close) {
        int end = s.indexOf(close, from);
        return end <= from ? null : s.substring(from, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
