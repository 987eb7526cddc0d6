package dev.courier.cli;

import dev.courier.cli.HeaderOrder.Field;
import dev.courier.cli.RequestItem.Separator;
import dev.courier.json.Json;
import dev.courier.json.JsonException;
import dev.courier.multipart.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Turns the parsed command line into a {@link RequestPlan}, step by step as HTTPie does: method
 * and URL, items, default headers, body, then the header order requests and HTTPie produce.
 */
final class PlanBuilder {

    static final String USER_AGENT = "courier/" + Main.version();
    static final String JSON_ACCEPT = "application/json, */*;q=0.5";
    static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

    private final Options o;
    private final byte[] stdin;
    private final List<Field> sessionHeaders;
    private final String cookieHeader;

    /** {@code stdin} is the piped body or null; {@code sessionHeaders} come from {@code --session}. */
    PlanBuilder(Options o, byte[] stdin, List<Field> sessionHeaders, String cookieHeader) {
        this.o = o;
        this.stdin = stdin;
        this.sessionHeaders = sessionHeaders;
        this.cookieHeader = cookieHeader;
    }

    RequestPlan build(String authorization) {
        // 1. Method and URL: HTTPie takes the first word as the method only when it is all letters.
        List<String> pos = o.positionals;
        String method = null;
        String url = pos.get(0);
        List<String> rawItems = pos.subList(1, pos.size());
        if (pos.size() >= 2 && isMethod(pos.get(0))) {
            method = pos.get(0).toUpperCase(Locale.ROOT);
            url = pos.get(1);
            rawItems = pos.subList(2, pos.size());
        }
        List<RequestItem> items = new ArrayList<>();
        for (String raw : rawItems) {
            items.add(ItemParser.parse(raw));
        }
        // 2. Items by kind.
        List<Field> userHeaders = new ArrayList<>();
        List<Map.Entry<String, String>> params = new ArrayList<>();
        List<RequestItem> data = new ArrayList<>();
        boolean files = false;
        for (RequestItem it : items) {
            switch (it.separator()) {
                case HEADER -> userHeaders.add(new Field(it.key(), it.value().isEmpty() ? null : it.value()));
                case HEADER_EMPTY -> userHeaders.add(new Field(it.key(), ""));
                case HEADER_EMBED -> userHeaders.add(new Field(it.key(), readText(it).strip()));
                case QUERY -> params.add(new AbstractMap.SimpleEntry<>(it.key(), it.value()));
                case QUERY_EMBED -> params.add(new AbstractMap.SimpleEntry<>(it.key(), readText(it)));
                default -> {
                    data.add(it);
                    files |= it.separator() == Separator.FILE;
                }
            }
        }
        boolean hasInput = stdin != null || o.raw != null;
        if (hasInput && !data.isEmpty()) {
            throw new CliException("request body (from stdin or --raw) and request data (key=value) cannot be mixed;"
                    + " pass --ignore-stdin to let key/value take priority");
        }
        if (files && !o.form && !o.multipart) {
            throw new CliException("invalid file fields (perhaps you meant --form?): " + fileNames(data));
        }
        if (method == null) {
            method = hasInput || !data.isEmpty() ? "POST" : "GET";
        }
        Target target = Target.of(url, o.defaultScheme, params);

        // 3. HTTPie's default headers, then session and user headers over them.
        boolean multipart = o.multipart || o.form && files;
        boolean hasData = hasInput || !data.isEmpty();
        boolean autoJson = hasData && !o.form && !o.multipart;
        HeaderOrder request = new HeaderOrder();
        request.set("User-Agent", USER_AGENT);
        if (o.json || autoJson) {
            request.set("Accept", JSON_ACCEPT);
            request.set("Content-Type", "application/json");
        } else if (o.form && !files && !o.multipart) {
            request.set("Content-Type", FORM_TYPE);
        }
        for (Field f : sessionHeaders) {
            request.set(f.name(), f.value());
        }
        // A name repeated on the command line is sent repeated (X:1 X:2), as HTTPie's multidict does.
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Field f : userHeaders) {
            if (seen.add(f.name().toLowerCase(Locale.ROOT)) || f.value() == null) {
                request.set(f.name(), f.value());
            } else {
                request.fields().add(f);
            }
        }
        if (o.offline && o.chunked && !request.has("Transfer-Encoding")) {
            request.set("Transfer-Encoding", "chunked");
        }

        // 4. Body.
        byte[] body = null;
        Multipart mp = null;
        if (hasInput) {
            body = o.raw != null ? o.raw.getBytes(StandardCharsets.UTF_8) : stdin;
        } else if (multipart) {
            mp = multipart(data, request.get("Content-Type"));
            String ct = request.get("Content-Type");
            request.set("Content-Type", ct == null ? mp.contentType()
                    : ct.contains("boundary=") ? ct.strip() : ct.strip() + "; boundary=" + mp.boundary());
        } else if (o.form && !data.isEmpty()) {
            body = formBody(data).getBytes(StandardCharsets.UTF_8);
        } else if (!data.isEmpty()) {
            NestedJson json = new NestedJson();
            for (RequestItem it : data) {
                json.set(it.key(), dataValue(it));
            }
            body = PyJson.compact(json.tree()).getBytes(StandardCharsets.UTF_8);
        }

        // 5. What requests prepares: its defaults, merged with ours; Cookie, body framing, auth.
        HeaderOrder prepared = new HeaderOrder();
        prepared.set("User-Agent", "python-requests").set("Accept-Encoding", "gzip, deflate").set("Accept", "*/*")
                .set("Connection", "keep-alive");
        for (Field f : request.fields()) {
            prepared.set(f.name(), f.value());
        }
        prepared.fields().removeIf(f -> f.value() == null);
        if (cookieHeader != null && !prepared.has("Cookie")) {
            prepared.set("Cookie", cookieHeader);
        }
        boolean chunked = o.chunked;
        if (body != null || mp != null) {
            if (!chunked) {
                prepared.set("Content-Length", Long.toString(mp != null ? mp.contentLength() : body.length));
            } else if (!prepared.has("Transfer-Encoding")) {
                prepared.set("Transfer-Encoding", "chunked");
            }
        } else if (!method.equals("GET") && !method.equals("HEAD") && !prepared.has("Content-Length")) {
            prepared.set("Content-Length", "0");
        }
        if (authorization != null) {
            prepared.set("Authorization", authorization);
        }
        if (method.equals("OPTIONS") && "0".equals(prepared.get("Content-Length"))
                && !"0".equals(request.get("Content-Length"))) {
            prepared.remove("Content-Length");
        }
        List<Field> ordered = HeaderOrder.httpieOrder(prepared.fields(), request.fields());

        // 6. --compress: deflate (zlib) when it makes the body smaller, always with -xx.
        if (o.compress.length > 0 && body != null && body.length > 0) {
            byte[] deflated = deflate(body);
            if (deflated.length < body.length || o.compress.length > 1) {
                body = deflated;
                HeaderOrder h = new HeaderOrder();
                h.fields().addAll(ordered);
                h.set("Content-Encoding", "deflate");
                if (h.has("Content-Length")) {
                    h.set("Content-Length", Integer.toString(deflated.length));
                }
                ordered = h.fields();
            }
        }
        return new RequestPlan(method, target, List.copyOf(ordered), body, mp, chunked);
    }

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isMethod(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 0x80 && Character.isLetter(c));
    }

    private static String fileNames(List<RequestItem> data) {
        StringBuilder sb = new StringBuilder();
        for (RequestItem it : data) {
            if (it.separator() == Separator.FILE) {
                sb.append(sb.length() == 0 ? "" : ", ").append(it.key());
            }
        }
        return sb.toString();
    }

    private Object dataValue(RequestItem it) {
        return switch (it.separator()) {
            case DATA -> it.value();
            case DATA_EMBED -> readText(it);
            case JSON -> parseJson(it, it.value());
            case JSON_EMBED -> parseJson(it, readText(it));
            default -> throw new CliException("'" + it.original() + "' cannot be used here");
        };
    }

    private static Object parseJson(RequestItem it, String text) {
        try {
            return Json.parse(text);
        } catch (JsonException e) {
            throw new CliException("'" + it.original() + "': not valid JSON: " + e.getMessage());
        }
    }

    private static String readText(RequestItem it) {
        Path p = Path.of(expandHome(it.value()));
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new CliException("'" + it.original() + "': cannot read " + p + ": " + e.getMessage());
        }
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private String formBody(List<RequestItem> data) {
        StringBuilder sb = new StringBuilder();
        for (RequestItem it : data) {
            if (it.separator() == Separator.JSON || it.separator() == Separator.JSON_EMBED) {
                throw new CliException("'" + it.original() + "': raw JSON items cannot be sent as a form");
            }
            sb.append(sb.length() == 0 ? "" : "&").append(Target.quotePlus(it.key())).append('=')
                    .append(Target.quotePlus(String.valueOf(dataValue(it))));
        }
        return sb.toString();
    }

    private Multipart multipart(List<RequestItem> data, String contentType) {
        Multipart.Builder b = Multipart.form();
        String boundary = o.boundary;
        if (boundary == null && contentType != null && contentType.contains("boundary=")) {
            boundary = contentType.substring(contentType.indexOf("boundary=") + 9).strip();
        }
        if (boundary != null) {
            b.boundary(boundary);
        }
        for (RequestItem it : data) {
            if (it.separator() == Separator.FILE) {
                String value = it.value();
                String type = null;
                int t = value.lastIndexOf(";type=");
                if (t >= 0) {
                    type = value.substring(t + 6);
                    value = value.substring(0, t);
                }
                Path p = Path.of(expandHome(value));
                if (!Files.isRegularFile(p)) {
                    throw new CliException("'" + it.original() + "': no such file: " + p);
                }
                b.file(it.key(), p.getFileName().toString(), p, type);
            } else if (it.separator() == Separator.JSON || it.separator() == Separator.JSON_EMBED) {
                throw new CliException("'" + it.original() + "': raw JSON items cannot be sent as multipart");
            } else {
                b.field(it.key(), String.valueOf(dataValue(it)));
            }
        }
        return b.build();
    }

    static byte[] deflate(byte[] in) {
        Deflater d = new Deflater();
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
