package dev.courier.http;

/**
 * Resolves a reference against a base URI with the strict algorithm of RFC 3986 §5.2.2, including
 * merge (§5.2.3) and remove_dot_segments (§5.2.4). Works on the raw component strings; checking
 * and encoding the result is {@link Url#parse}'s job.
 */
final class UrlResolver {

    private UrlResolver() {
    }

    /** Returns the target URI of {@code ref} against {@code base}, which must have a scheme. */
    static UriParts resolve(UriParts base, UriParts ref) {
        String scheme;
        String authority;
        String path;
        String query;
        if (ref.scheme() != null) {
            // Strict parser (§5.2.2): a scheme in the reference always starts over, so
            // "http:g" against "http://a/b" stays "http:g" (§5.4.2).
            scheme = ref.scheme();
            authority = ref.authority();
            path = removeDotSegments(ref.path());
            query = ref.query();
        } else {
            scheme = base.scheme();
            if (ref.authority() != null) {
                authority = ref.authority();
                path = removeDotSegments(ref.path());
                query = ref.query();
            } else {
                authority = base.authority();
                if (ref.path().isEmpty()) {
                    path = base.path();
                    query = ref.query() != null ? ref.query() : base.query();
                } else {
                    if (ref.path().startsWith("/")) {
                        path = removeDotSegments(ref.path());
                    } else {
                        path = removeDotSegments(merge(base, ref.path()));
                    }
                    query = ref.query();
                }
            }
        }
        return new UriParts(scheme, authority, path, query, ref.fragment());
    }

    /** §5.2.3: a base with an authority and an empty path merges as if its path were "/". */
    private static String merge(UriParts base, String refPath) {
        if (base.authority() != null && base.path().isEmpty()) {
            return "/" + refPath;
        }
        int slash = base.path().lastIndexOf('/');
        return slash < 0 ? refPath : base.path().substring(0, slash + 1) + refPath;
    }

    /**
     * Returns {@code path} without "." and ".." segments (§5.2.4), e.g. {@code /a/b/c/./../../g}
     * becomes {@code /a/g}. A ".." above the root is dropped, as the RFC says.
     */
    static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        String in = path;
        StringBuilder out = new StringBuilder(path.length());
        // Each pass consumes at least one character of the input, so the loop is bounded by its length.
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {
                in = in.substring(3);
                removeLastSegment(out);
            } else if (in.equals("/..")) {
                in = "/";
                removeLastSegment(out);
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', in.startsWith("/") ? 1 : 0);
                if (next < 0) {
                    next = in.length();
                }
                out.append(in, 0, next);
                in = in.substring(next);
            }
        }
        return out.toString();
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }
}
