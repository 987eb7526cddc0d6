package dev.courier.testing;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import dev.courier.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares an answer of Courier's HttpBin with httpbin's own, recorded or live: same status, same
 * selected headers, and for JSON the same keys, the same value types and the same values where
 * they do not depend on the host, port or chance.
 */
final class HttpBinShapes {

    /** Response headers whose values must agree. */
    static final List<String> COMPARED_HEADERS = List.of("Location", "Set-Cookie", "WWW-Authenticate", "Content-Range", "ETag");
    /** Text bodies that must agree byte for byte. */
    static final Set<String> COMPARED_TEXT = Set.of("range-part", "base64", "links", "drip");
    /** Request headers that differ between peers by nature (the host, the test client's defaults). */
    static final Set<String> PEER_HEADERS = Set.of("Host", "User-Agent", "Accept", "Accept-Encoding", "Connection");

    private HttpBinShapes() {
    }

    /** Sends the request of fixture {@code entry} to {@code baseUrl} with a fresh session (no cookie carried over). */
    static Response send(String baseUrl, Map<?, ?> entry) {
        Map<?, ?> req = (Map<?, ?>) entry.get("request");
        try (Session s = Session.builder().followRedirects(false).build()) {
            dev.courier.Request.Builder b = s.request(Method.of((String) req.get("method")), baseUrl + req.get("path"));
            Map<?, ?> headers = (Map<?, ?>) req.get("headers");
            String contentType = null;
            for (Map.Entry<?, ?> h : headers.entrySet()) {
                if (((String) h.getKey()).equalsIgnoreCase("Content-Type")) {
                    contentType = (String) h.getValue();
                } else {
                    b.header((String) h.getKey(), (String) h.getValue());
                }
            }
            Object body = req.get("body_base64");
            if (body != null) {
                b.body(Body.bytes(Base64.getDecoder().decode((String) body), contentType));
            }
            Response r = b.send();
            r.bytes(); // read before the session closes
            return r;
        }
    }

    /** Returns the differences between {@code expected} (httpbin) and {@code actual} (Courier); empty when they agree. */
    static List<String> diff(Map<?, ?> entry, int status, Map<String, String> headers, String text) {
        List<String> out = new ArrayList<>();
        String name = (String) entry.get("name");
        if (((Number) entry.get("status")).intValue() != status) {
            out.add(name + ": status " + status + ", httpbin " + entry.get("status"));
        }
        Map<?, ?> expectedHeaders = (Map<?, ?>) entry.get("headers");
        for (String h : COMPARED_HEADERS) {
            Object e = expectedHeaders.get(h);
            String a = headers.get(h);
            if (e != null && !normalizeUrl((String) e).equals(a == null ? null : normalizeUrl(a))) {
                out.add(name + ": header " + h + " is " + a + ", httpbin " + e);
            }
        }
        Object ct = expectedHeaders.get("Content-Type");
        if (ct != null && !essence((String) ct).equals(essence(headers.get("Content-Type")))) {
            out.add(name + ": Content-Type " + headers.get("Content-Type") + ", httpbin " + ct);
        }
        if (entry.containsKey("json")) {
            Object actual;
            try {
                actual = Json.parse(text);
            } catch (RuntimeException e) {
                out.add(name + ": body is not JSON: " + text);
                return out;
            }
            compare(name, "", entry.get("json"), actual, out);
        } else if (name.startsWith("stream")) {
            String[] e = ((String) entry.get("text")).split("\n");
            String[] a = text.split("\n");
            if (e.length != a.length) {
                out.add(name + ": " + a.length + " lines, httpbin " + e.length);
            } else {
                for (int i = 0; i < e.length; i++) {
                    compare(name, "[" + i + "]", Json.parse(e[i]), Json.parse(a[i]), out);
                }
            }
        } else if (COMPARED_TEXT.contains(name) && !entry.get("text").equals(text)) {
            out.add(name + ": body " + text + ", httpbin " + entry.get("text"));
        }
        return out;
    }

    private static void compare(String name, String path, Object e, Object a, List<String> out) {
        String where = name + " " + (path.isEmpty() ? "body" : path);
        if (!type(e).equals(type(a))) {
            out.add(where + ": " + type(a) + " " + a + ", httpbin " + type(e) + " " + e);
            return;
        }
        if (e instanceof Map) {
            Map<?, ?> em = (Map<?, ?>) e;
            Map<?, ?> am = (Map<?, ?>) a;
            boolean headerEcho = path.endsWith("headers");
            for (Map.Entry<?, ?> x : em.entrySet()) {
                if (headerEcho && PEER_HEADERS.contains(x.getKey())) {
                    continue;
                }
                if (!am.containsKey(x.getKey())) {
                    out.add(where + ": missing key " + x.getKey());
                } else {
                    compare(name, path + "." + x.getKey(), x.getValue(), am.get(x.getKey()), out);
                }
            }
            for (Object k : am.keySet()) {
                if (!em.containsKey(k) && !(headerEcho && PEER_HEADERS.contains(k))) {
                    out.add(where + ": extra key " + k);
                }
            }
        } else if (e instanceof List) {
            List<?> el = (List<?>) e;
            List<?> al = (List<?>) a;
            if (el.size() != al.size()) {
                out.add(where + ": " + al.size() + " items, httpbin " + el.size());
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                compare(name, path + "[" + i + "]", el.get(i), al.get(i), out);
            }
        } else if (path.endsWith(".origin") || path.endsWith(".uuid")) {
            return; // host- or chance-dependent: the type check above is all that can agree
        } else if (e instanceof Number) {
            if (new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) != 0) {
                out.add(where + ": " + a + ", httpbin " + e);
            }
        } else if (e instanceof String) {
            if (!normalizeUrl((String) e).equals(normalizeUrl((String) a))) {
                out.add(where + ": \"" + a + "\", httpbin \"" + e + "\"");
            }
        } else if (e != null && !e.equals(a)) {
            out.add(where + ": " + a + ", httpbin " + e);
        }
    }

    private static String type(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map) {
            return "object";
        }
        if (o instanceof List) {
            return "array";
        }
        if (o instanceof Number) {
            return "number";
        }
        return o instanceof Boolean ? "boolean" : "string";
    }

    /** Replaces {@code http://127.0.0.1:PORT} (or localhost) with {@code http://localhost}. */
    static String normalizeUrl(String s) {
        for (String prefix : new String[] {"http://127.0.0.1:", "http://localhost:"}) {
            int i = s.indexOf(prefix);
            if (i >= 0) {
                int j = i + prefix.length();
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                return s.substring(0, i) + "http://localhost" + s.substring(j);
            }
        }
        return s;
    }

    private static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    }
}
