package dev.courier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Link} header values (RFC 8288 §3): {@code <uri>; rel="next"; title=x, <uri2>; ...}.
 * Tolerant: a malformed element is skipped rather than failing the whole response.
 */
final class LinkHeader {

    /** Where the parser is within one link-value. */
    private enum State { TARGET, PARAMS }

    /** Most links read from one response: 100; pagination headers carry a handful. */
    static final int DEFAULT_MAX_LINKS = 100;

    private LinkHeader() {
    }

    /** Returns the links in {@code values}, targets kept as written (the caller resolves them). */
    static List<Map<String, String>> parse(List<String> values) {
        List<Map<String, String>> links = new ArrayList<>();
        for (String v : values) {
            parseOne(v, links);
        }
        return links;
    }

    private static void parseOne(String v, List<Map<String, String>> out) {
        int i = 0;
        int n = v.length();
        State state = State.TARGET;
        Map<String, String> link = null;
        while (i < n && out.size() < DEFAULT_MAX_LINKS) {
            char c = v.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (state == State.TARGET) {
                int close = c == '<' ? v.indexOf('>', i) : -1;
                if (close < 0) {
                    return; // no target: nothing sensible follows
                }
                link = new LinkedHashMap<>();
                link.put("", v.substring(i + 1, close));
                out.add(link);
                i = close + 1;
                state = State.PARAMS;
            } else if (c == ',') {
                state = State.TARGET;
                i++;
            } else if (c == ';') {
                i = param(v, i + 1, link);
            } else {
                i++;
            }
        }
    }

    /** Reads {@code name[=value]} from {@code i}; returns the index after it. */
    private static int param(String v, int i, Map<String, String> link) {
        int n = v.length();
        while (i < n && v.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < n && v.charAt(i) != '=' && v.charAt(i) != ';' && v.charAt(i) != ',') {
            i++;
        }
        String name = v.substring(start, i).trim().toLowerCase(Locale.ROOT);
        String value = "";
        if (i < n && v.charAt(i) == '=') {
            i++;
            while (i < n && v.charAt(i) == ' ') {
                i++;
            }
            if (i < n && v.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && v.charAt(i) != '"') {
                    if (v.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    sb.append(v.charAt(i++));
                }
                i++;
                value = sb.toString();
            } else {
                int s = i;
                while (i < n && v.charAt(i) != ';' && v.charAt(i) != ',') {
                    i++;
                }
                value = v.substring(s, i).trim();
            }
        }
        if (!name.isEmpty() && !link.containsKey(name)) {
            link.put(name, value); // RFC 8288 §3.3: only the first rel counts
        }
        return i;
    }
}
