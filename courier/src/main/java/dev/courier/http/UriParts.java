package dev.courier.http;

/**
 * The five components of a URI reference (RFC 3986 §3, §4.1), each null when undefined (which is
 * not the same as empty: {@code http://a/?} has an empty query, {@code http://a/} none). The path
 * is never null.
 */
record UriParts(String scheme, String authority, String path, String query, String fragment) {

    /**
     * Returns the parts of {@code ref}, split as RFC 3986 Appendix B does: scheme up to the first
     * ':' if it comes before any '/', '?' or '#'; authority after "//" up to the next '/', '?' or
     * '#'; then path, '?' query, '#' fragment. Nothing is validated here.
     */
    static UriParts split(String ref) {
        int n = ref.length();
        int i = 0;
        String scheme = null;
        for (int j = 0; j < n; j++) {
            char c = ref.charAt(j);
            if (c == ':') {
                if (j > 0) {
                    scheme = ref.substring(0, j);
                    i = j + 1;
                }
                break;
            }
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
        }
        String authority = null;
        if (ref.startsWith("//", i)) {
            int end = indexOfAny(ref, i + 2, "/?#");
            authority = ref.substring(i + 2, end);
            i = end;
        }
        int pathEnd = indexOfAny(ref, i, "?#");
        String path = ref.substring(i, pathEnd);
        i = pathEnd;
        String query = null;
        if (i < n && ref.charAt(i) == '?') {
            int end = indexOfAny(ref, i + 1, "#");
            query = ref.substring(i + 1, end);
            i = end;
        }
        String fragment = i < n ? ref.substring(i + 1) : null;
        return new UriParts(scheme, authority, path, query, fragment);
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Returns the reference recomposed as RFC 3986 §5.3 does. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (scheme != null) {
            sb.append(scheme).append(':');
        }
        if (authority != null) {
            sb.append("//").append(authority);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }
}
