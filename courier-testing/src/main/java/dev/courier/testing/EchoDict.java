package dev.courier.testing;

import dev.courier.json.Json;
import dev.courier.multipart.FormFile;
import dev.courier.server.Form;
import dev.courier.server.Request;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds httpbin's description of a request: the {@code args}, {@code data}, {@code files},
 * {@code form}, {@code headers}, {@code json}, {@code method}, {@code origin} and {@code url}
 * keys that its {@code /get}, {@code /post}, {@code /anything} ... endpoints answer with.
 *
 * <p>Maps are {@link TreeMap}s because httpbin's Flask {@code jsonify} sorts keys; a single value
 * stays a string and a repeated one becomes a list (httpbin's {@code semiflatten}).
 */
final class EchoDict {

    private final Request request;
    private final Map<String, Object> all = new TreeMap<>();

    private EchoDict(Request request) {
        this.request = request;
    }

    /** Returns the full description of {@code request}; the body is read once here. */
    static EchoDict of(Request request) throws IOException {
        EchoDict d = new EchoDict(request);
        d.fill();
        return d;
    }

    /** Returns a new sorted map holding only {@code keys} (each must be one httpbin knows). */
    Map<String, Object> pick(String... keys) {
        Map<String, Object> out = new TreeMap<>();
        for (String k : keys) {
            if (!all.containsKey(k)) {
                throw new IllegalArgumentException("httpbin has no request key " + k);
            }
            out.put(k, all.get(k));
        }
        return out;
    }

    private void fill() throws IOException {
        all.put("url", url(request));
        all.put("args", semiflatten(request.queryParams()));
        all.put("headers", headers(request));
        all.put("origin", origin(request));
        all.put("method", request.method().name());
        String essence = essence(request.header("Content-Type"));
        Map<String, Object> form = new TreeMap<>();
        Map<String, Object> files = new TreeMap<>();
        byte[] data = new byte[0];
        if (essence.equals("application/x-www-form-urlencoded") || essence.equals("multipart/form-data")) {
            // Like Flask, a form body is consumed by the form parser and "data" stays empty.
            Form f = request.form();
            form.putAll(semiflatten(f.fields()));
            for (Map.Entry<String, List<FormFile>> e : f.files().entrySet()) {
                List<FormFile> list = e.getValue();
                if (list.size() == 1) {
                    files.put(e.getKey(), fileValue(list.get(0)));
                } else {
                    Object[] values = new Object[list.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = fileValue(list.get(i));
                    }
                    files.put(e.getKey(), List.of(values));
                }
            }
        } else {
            data = request.bodyBytes();
        }
        all.put("form", form);
        all.put("files", files);
        all.put("data", jsonSafe(data, "application/octet-stream"));
        all.put("json", parseJson(data));
    }

    private static Object fileValue(FormFile f) throws IOException {
        String type = f.contentType() == null || f.contentType().isEmpty() ? "application/octet-stream" : f.contentType();
        return jsonSafe(f.bytes(), type);
    }

    /** Returns {@code bytes} as text when they are UTF-8, else as an RFC 2397 base64 data URL. */
    static String jsonSafe(byte[] bytes, String contentType) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    private static Object parseJson(byte[] data) {
        if (data.length == 0) {
            return null;
        }
        try {
            return Json.parse(data);
        } catch (RuntimeException e) {
            return null; // httpbin answers json=null for anything that is not JSON
        }
    }

    /** Returns httpbin's {@code url}: scheme, the Host the client sent, path and query. */
    static String url(Request request) {
        String host = request.header("Host");
        if (host == null) {
            host = "127.0.0.1:" + request.remoteAddress().getPort();
        }
        String scheme = request.isSecure() ? "https" : "http";
        String proto = request.header("X-Forwarded-Proto");
        if (proto != null) {
            scheme = proto;
        }
        String q = request.rawQuery();
        return scheme + "://" + host + request.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    /** Returns the client address, or X-Forwarded-For when a proxy set it, like httpbin. */
    static String origin(Request request) {
        String fwd = request.header("X-Forwarded-For");
        return fwd != null ? fwd : request.remoteAddress().getAddress().getHostAddress();
    }

    /** Returns the request headers with httpbin's title-cased names; repeats joined by a comma. */
    static Map<String, Object> headers(Request request) {
        Map<String, Object> out = new TreeMap<>();
        request.headers().forEach((name, value) -> {
            String key = HeaderNames.titleCase(name);
            if (!HeaderNames.isProxyHeader(key)) {
                out.merge(key, value, (a, b) -> a + "," + b);
            }
        });
        return out;
    }

    /** Returns {@code multi} with one-value lists replaced by the value, like httpbin. */
    static Map<String, Object> semiflatten(Map<String, List<String>> multi) {
        Map<String, Object> out = new TreeMap<>();
        multi.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : List.copyOf(v)));
        return out;
    }

    private static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
