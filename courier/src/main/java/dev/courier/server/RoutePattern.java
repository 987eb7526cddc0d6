package dev.courier.server;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed route pattern such as {@code /users/{id}/files/{path...}}: a list of literal,
 * parameter and (last only) catch-all segments.
 *
 * <p>Literal segments are percent-decoded like request paths, so {@code /caf%C3%A9} and
 * {@code /café} are the same pattern and both match the request path {@code /caf%C3%A9}. A
 * parameter fills a whole segment; mixed segments such as {@code /file.{ext}} are refused rather
 * than half-supported.
 */
final class RoutePattern {

    enum Kind { LITERAL, PARAM, CATCH_ALL }

    private final String text;
    private final Kind[] kinds;
    /** The decoded literal for LITERAL, the parameter name otherwise. */
    private final String[] values;

    private RoutePattern(String text, Kind[] kinds, String[] values) {
        this.text = text;
        this.kinds = kinds;
        this.values = values;
    }

    /**
     * Returns the parsed {@code pattern}.
     *
     * @throws IllegalArgumentException naming the pattern and the problem: no leading
     *     {@code /}, a bad or repeated parameter name, a catch-all not at the end, a brace inside a
     *     literal, a malformed percent-escape
     */
    static RoutePattern parse(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.charAt(0) != '/') {
            throw new IllegalArgumentException("route pattern must start with '/', got " + Escape.quote(pattern));
        }
        List<String> raw = PathSegments.split(pattern);
        Kind[] kinds = new Kind[raw.size()];
        String[] values = new String[raw.size()];
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String seg = raw.get(i);
            boolean brace = seg.indexOf('{') >= 0 || seg.indexOf('}') >= 0;
            if (!brace) {
                kinds[i] = Kind.LITERAL;
                try {
                    values[i] = PathSegments.decodeSegment(seg, 0, seg.length());
                } catch (AbortException e) {
                    throw new IllegalArgumentException("route pattern " + Escape.quote(pattern) + ": " + e.getMessage(), e);
                }
                continue;
            }
            if (seg.length() < 3 || seg.charAt(0) != '{' || seg.charAt(seg.length() - 1) != '}') {
                throw new IllegalArgumentException("route pattern " + Escape.quote(pattern) + ": segment "
                        + Escape.quote(seg) + " must be a literal or a whole {name} or {name...}");
            }
            String name = seg.substring(1, seg.length() - 1);
            Kind kind = Kind.PARAM;
            if (name.endsWith("...")) {
                name = name.substring(0, name.length() - 3);
                kind = Kind.CATCH_ALL;
                if (i != raw.size() - 1) {
                    throw new IllegalArgumentException("route pattern " + Escape.quote(pattern)
                            + ": catch-all {" + name + "...} must be the last segment");
                }
            }
            checkName(pattern, name);
            if (!names.add(name)) {
                throw new IllegalArgumentException("route pattern " + Escape.quote(pattern)
                        + ": parameter {" + name + "} appears twice");
            }
            kinds[i] = kind;
            values[i] = name;
        }
        return new RoutePattern(pattern, kinds, values);
    }

    private static void checkName(String pattern, String name) {
        boolean ok = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!ok) {
            throw new IllegalArgumentException("route pattern " + Escape.quote(pattern) + ": parameter name "
                    + Escape.quote(name) + " must be letters, digits and '_', not starting with a digit");
        }
    }

    /** Returns the pattern as written. */
    String text() {
        return text;
    }

    int size() {
        return kinds.length;
    }

    Kind kind(int i) {
        return kinds[i];
    }

    /** Returns the decoded literal or the parameter name of segment {@code i}. */
    String value(int i) {
        return values[i];
    }

    boolean endsWithCatchAll() {
        return kinds.length > 0 && kinds[kinds.length - 1] == Kind.CATCH_ALL;
    }

    /**
     * Returns true when the decoded {@code segments} start with this pattern, segment by
     * segment: {@code /api} is a prefix of {@code /api}, {@code /api/} and {@code /api/x}, not of
     * {@code /apix}; {@code /users/{id}} is a prefix of {@code /users/7/posts}. Used to scope
     * filters; a catch-all matches any rest.
     */
    boolean isPrefixOf(List<String> segments) {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Kind.CATCH_ALL) {
                return i < segments.size();
            }
            if (i >= segments.size()) {
                return false;
            }
            String seg = segments.get(i);
            if (kinds[i] == Kind.LITERAL ? !values[i].equals(seg) : seg.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
