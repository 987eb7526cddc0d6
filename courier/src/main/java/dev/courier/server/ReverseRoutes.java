package dev.courier.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The named routes of a {@link Router} and the building of their paths ("reverse routing",
 * Flask's {@code url_for}). Written while the router is configured, read-only once it serves.
 *
 * <p>Each parameter value becomes exactly one path segment: everything outside the RFC 3986
 * unreserved set (section 2.3) is percent-encoded, so {@code /}, {@code ?}, {@code #} and
 * {@code ../} cannot leave the segment they fill. A catch-all keeps the {@code /} between its
 * segments and encodes each one. A value that would be a dot segment ({@code .} or {@code ..})
 * has its dots encoded too, since RFC 3986 section 5.2.4 would otherwise remove it.
 */
final class ReverseRoutes {

    private final Map<String, RoutePattern> byName = new HashMap<>();

    /**
     * Records {@code name} for {@code pattern}; naming the same pattern again (e.g. its GET and
     * its POST route) is fine, naming a different one fails naming both.
     */
    void add(String name, RoutePattern pattern) {
        checkName(name);
        RoutePattern old = byName.putIfAbsent(name, pattern);
        if (old != null && !old.text().equals(pattern.text())) {
            throw new IllegalArgumentException("route name " + Escape.quote(name) + " already names "
                    + Escape.quote(old.text()) + "; cannot also name " + Escape.quote(pattern.text())
                    + "; pick another name");
        }
    }

    /**
     * Returns the path of the route named {@code name} with {@code params} filled in.
     *
     * @throws IllegalArgumentException for an unknown name, a missing, null or extra parameter,
     *     or an empty value for a one-segment parameter, each named in the message
     */
    String url(String name, Map<String, ?> params) {
        RoutePattern pattern = byName.get(name);
        if (pattern == null) {
            throw new IllegalArgumentException("no route named " + Escape.quote(name) + "; known names: "
                    + new TreeSet<>(byName.keySet()));
        }
        List<String> missing = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        int used = 0;
        for (int i = 0; i < pattern.size(); i++) {
            path.append('/');
            if (pattern.kind(i) == RoutePattern.Kind.LITERAL) {
                path.append(segment(pattern.value(i)));
                continue;
            }
            String param = pattern.value(i);
            Object value = params.get(param);
            if (value == null) {
                missing.add(param);
                continue;
            }
            used++;
            String text = value.toString();
            if (pattern.kind(i) == RoutePattern.Kind.CATCH_ALL) {
                appendCatchAll(path, text);
            } else if (text.isEmpty()) {
                throw new IllegalArgumentException("route " + Escape.quote(name) + " (" + pattern.text()
                        + "): parameter {" + param + "} is empty; a one-segment parameter needs a value");
            } else {
                path.append(segment(text));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("route " + Escape.quote(name) + " (" + pattern.text()
                    + ") needs parameter(s) " + missing + "; given " + new TreeSet<>(params.keySet()));
        }
        if (used != params.size()) {
            TreeSet<String> extra = new TreeSet<>(params.keySet());
            for (int i = 0; i < pattern.size(); i++) {
                if (pattern.kind(i) != RoutePattern.Kind.LITERAL) {
                    extra.remove(pattern.value(i));
                }
            }
            throw new IllegalArgumentException("route " + Escape.quote(name) + " (" + pattern.text()
                    + ") has no parameter(s) " + extra + "; remove them or use a query string");
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** Appends {@code text} split at '/', each piece encoded as one segment. */
    private static void appendCatchAll(StringBuilder path, String text) {
        int from = 0;
        while (true) {
            int slash = text.indexOf('/', from);
            int end = slash < 0 ? text.length() : slash;
            path.append(segment(text.substring(from, end)));
            if (slash < 0) {
                return;
            }
            path.append('/');
            from = slash + 1;
        }
    }

    /** Returns {@code decoded} as one encoded segment, dot segments included. */
    static String segment(String decoded) {
        if (decoded.equals(".")) {
            return "%2E";
        }
        if (decoded.equals("..")) {
            return "%2E%2E";
        }
        return PathSegments.encodeSegment(decoded);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("route name must not be empty; use e.g. \"user.show\"");
        }
    }
}
