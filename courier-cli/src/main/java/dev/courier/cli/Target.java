package dev.courier.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The URL of the request as HTTPie and requests build it: {@code :8080/p} is
 * {@code localhost:8080/p}, a URL without scheme gets {@code --default-scheme}, {@code ==} items
 * are appended to the query (form-encoded, space as {@code +}), and characters a URL may not hold
 * are percent-encoded (requests' {@code requote_uri}).
 */
record Target(String scheme, String authority, String pathAndQuery) {

    /** Characters requests leaves as they are in a URL (unreserved plus its safe set). */
    private static final String URL_SAFE = "-._~!#$%&'()*+,/:;=?@[]";

    /** Returns the target for {@code url} with the query items {@code params} appended. */
    static Target of(String url, String defaultScheme, List<Map.Entry<String, String>> params) {
        String u = url;
        if (u.startsWith(":")) {
            // HTTPie: ":3000/x" is localhost:3000/x and ":/x" is localhost/x.
            String rest = u.substring(1);
            u = "localhost" + (rest.startsWith("/") || rest.isEmpty() ? rest : ":" + rest);
        }
        String scheme = defaultScheme;
        int sep = u.indexOf("://");
        if (sep > 0 && isScheme(u.substring(0, sep))) {
            scheme = u.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
            u = u.substring(sep + 3);
        }
        int slash = firstOf(u, "/?#");
        String authority = slash < 0 ? u : u.substring(0, slash);
        String rest = slash < 0 ? "" : u.substring(slash);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        if (authority.isEmpty()) {
            throw new CliException("invalid URL '" + url + "': no host; try ':8080/path' or 'example.org/path'");
        }
        if (!rest.startsWith("/")) {
            rest = "/" + rest;
        }
        StringBuilder target = new StringBuilder(requote(rest));
        if (!params.isEmpty()) {
            boolean hasQuery = target.indexOf("?") >= 0;
            if (hasQuery && target.charAt(target.length() - 1) != '?' && target.charAt(target.length() - 1) != '&') {
                target.append('&');
            } else if (!hasQuery) {
                target.append('?');
            }
            for (int i = 0; i < params.size(); i++) {
                if (i > 0) {
                    target.append('&');
                }
                target.append(quotePlus(params.get(i).getKey())).append('=').append(quotePlus(params.get(i).getValue()));
            }
        }
        return new Target(scheme, authority, target.toString());
    }

    /** Returns the absolute URL, e.g. {@code http://localhost:8080/p?x=1}. */
    String url() {
        return scheme + "://" + authority + pathAndQuery;
    }

    /** Returns the Host header HTTPie shows: the authority without user info. */
    String host() {
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    /** Returns the user info of the URL, or null. */
    String userInfo() {
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    private static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String requote(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || URL_SAFE.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** Python's {@code quote_plus}: unreserved characters kept, space as {@code +}, the rest UTF-8 %XX. */
    static String quotePlus(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == ' ') {
                sb.append('+');
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
