package dev.courier.cli;

import dev.courier.cookie.Cookie;
import dev.courier.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTPie session file (version 3 layout): headers as a list of {@code {name, value}}, auth as
 * {@code {type, raw_auth}}, cookies as a list of {@code {name, value, domain, path, secure,
 * expires}}. A NAME (no slash) lives where HTTPie keeps it,
 * {@code ~/.config/httpie/sessions/<host>_<port>/<NAME>.json}, so both tools share it.
 */
final class HttpieSession {

    final Path file;
    final List<HeaderOrder.Field> headers = new ArrayList<>();
    String authType;
    String rawAuth;
    final List<Map<String, Object>> cookies = new ArrayList<>();

    private HttpieSession(Path file) {
        this.file = file;
    }

    /** Returns the session {@code nameOrPath} for {@code host} (as in the URL, {@code localhost:8080}). */
    static HttpieSession load(String nameOrPath, String host) {
        Path file;
        if (nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator) || nameOrPath.endsWith(".json")) {
            file = Path.of(PlanBuilder.expandHome(nameOrPath));
        } else {
            String dir = host.replace(':', '_').toLowerCase(Locale.ROOT);
            String config = System.getenv("HTTPIE_CONFIG_DIR");
            Path base = config != null ? Path.of(config) : Path.of(System.getProperty("user.home"), ".config", "httpie");
            file = base.resolve("sessions").resolve(dir).resolve(nameOrPath + ".json");
        }
        HttpieSession s = new HttpieSession(file);
        if (!Files.exists(file)) {
            return s;
        }
        Object tree;
        try {
            tree = Json.parse(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new CliException("cannot read session " + file + ": " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new CliException("session " + file + " is not a JSON object");
        }
        Object h = root.get("headers");
        if (h instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    s.headers.add(new HeaderOrder.Field(String.valueOf(m.get("name")), String.valueOf(m.get("value"))));
                }
            }
        } else if (h instanceof Map<?, ?> m) {
            // HTTPie 2 wrote headers as an object.
            m.forEach((k, v) -> s.headers.add(new HeaderOrder.Field(String.valueOf(k), String.valueOf(v))));
        }
        if (root.get("auth") instanceof Map<?, ?> a && a.get("raw_auth") != null) {
            s.rawAuth = String.valueOf(a.get("raw_auth"));
            s.authType = a.get("type") == null ? "basic" : String.valueOf(a.get("type"));
        }
        Object c = root.get("cookies");
        if (c instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    s.cookies.add(copy(m));
                }
            }
        } else if (c instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof Map<?, ?> mv) {
                    Map<String, Object> cookie = copy(mv);
                    cookie.put("name", String.valueOf(k));
                    s.cookies.add(cookie);
                }
            });
        }
        return s;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Returns the session cookies as Courier cookies for {@code url}'s host (empty domain means that host). */
    List<Cookie> courierCookies(URI url) {
        List<Cookie> out = new ArrayList<>();
        for (Map<String, Object> m : cookies) {
            String domain = m.get("domain") == null ? "" : String.valueOf(m.get("domain"));
            Cookie.Builder b = Cookie.builder().name(String.valueOf(m.get("name")))
                    .value(String.valueOf(m.get("value")))
                    .path(m.get("path") == null ? "/" : String.valueOf(m.get("path")))
                    .secure(Boolean.TRUE.equals(m.get("secure")));
            if (domain.isEmpty()) {
                b.domain(url.getHost()).hostOnly(true);
            } else {
                b.domain(domain.startsWith(".") ? domain.substring(1) : domain).hostOnly(false);
            }
            if (m.get("expires") instanceof Number n) {
                b.expiresAt(Instant.ofEpochSecond(n.longValue()));
            }
            out.add(b.build());
        }
        return out;
    }

    /** Writes the session back with {@code headers}, auth and {@code jarCookies}. */
    void save(List<HeaderOrder.Field> newHeaders, String type, String raw, List<Cookie> jarCookies) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("about", "HTTPie session file");
        meta.put("help", "https://httpie.io/docs#sessions");
        meta.put("httpie", "3.2.1");
        root.put("__meta__", meta);
        Map<String, Object> auth = new LinkedHashMap<>();
        if (raw != null) {
            auth.put("raw_auth", raw);
            auth.put("type", type);
        } else {
            auth.put("password", null);
            auth.put("type", null);
            auth.put("username", null);
        }
        root.put("auth", auth);
        List<Object> cs = new ArrayList<>();
        for (Cookie c : jarCookies) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", c.hostOnly() ? "" : c.domain());
            m.put("expires", c.persistent() && c.expiresAt() != null ? c.expiresAt().getEpochSecond() : null);
            m.put("name", c.name());
            m.put("path", c.path());
            m.put("secure", c.secure());
            m.put("value", c.value());
            cs.add(m);
        }
        root.put("cookies", cs);
        List<Object> hs = new ArrayList<>();
        for (HeaderOrder.Field f : newHeaders) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("value", f.value());
            hs.add(m);
        }
        root.put("headers", hs);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, (PyJson.pretty(root, 4, false) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot write session " + file + ": " + e.getMessage());
        }
    }
}
