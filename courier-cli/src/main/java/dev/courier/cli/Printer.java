package dev.courier.cli;

import dev.courier.Response;
import dev.courier.http.Headers;
import dev.courier.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints requests and responses as HTTPie does: heads as on the wire (CRLF) when not prettified;
 * with {@code --pretty format} JSON bodies indented by 4 and headers sorted; with colors, ANSI
 * colors on the start line and header names.
 */
final class Printer {

    private static final String RESET = "\u001b[0m";
    private static final String BLUE = "\u001b[34m";
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RED = "\u001b[31m";
    private static final byte[] BINARY_NOTE = ("+-----------------------------------------+\n"
            + "| NOTE: binary data not shown in terminal |\n"
            + "+-----------------------------------------+").getBytes(StandardCharsets.US_ASCII);

    private final PrintStream out;
    private final boolean colors;
    private final boolean format;
    private final boolean sorted;
    private final boolean terminal;

    Printer(PrintStream out, boolean colors, boolean format, boolean sorted, boolean terminal) {
        this.out = out;
        this.colors = colors;
        this.format = format;
        this.sorted = sorted;
        this.terminal = terminal;
    }

    /** Prints the request head: start line, fields in plan order, Host last. */
    void requestHead(RequestPlan plan) {
        List<String[]> fields = new ArrayList<>();
        boolean host = false;
        for (HeaderOrder.Field f : plan.headers()) {
            fields.add(new String[] {f.name(), f.value()});
            host |= f.name().equalsIgnoreCase("Host");
        }
        if (!host) {
            fields.add(new String[] {"Host", plan.target().host()});
        }
        String start = colors ? GREEN + plan.method() + RESET + " " + CYAN + plan.target().pathAndQuery() + RESET
                + " " + BLUE + "HTTP/1.1" + RESET : plan.method() + " " + plan.target().pathAndQuery() + " HTTP/1.1";
        head(start, fields);
    }

    /** Prints a response head: status line and fields in wire order. */
    void responseHead(Response r) {
        List<String[]> fields = new ArrayList<>();
        Headers h = r.headers();
        h.forEach((n, v) -> fields.add(new String[] {n, v}));
        String status = r.statusCode() + (r.reason().isEmpty() ? "" : " " + r.reason());
        String color = r.statusCode() < 300 ? GREEN : r.statusCode() < 400 ? YELLOW : RED;
        String version = r.version() + " ";
        head(colors ? BLUE + version + RESET + color + status + RESET : version + status, fields);
    }

    private void head(String start, List<String[]> fields) {
        if (sorted) {
            fields.sort((a, b) -> a[0].toLowerCase(Locale.ROOT).compareTo(b[0].toLowerCase(Locale.ROOT)));
        }
        String eol = format || colors ? "\n" : "\r\n";
        StringBuilder sb = new StringBuilder(start).append(eol);
        for (String[] f : fields) {
            sb.append(colors ? CYAN + f[0] + RESET : f[0]).append(": ").append(f[1]).append(eol);
        }
        sb.append(eol);
        out.print(sb);
        out.flush();
    }

    /** Prints a whole body of media type {@code contentType}, formatted when asked. */
    void body(byte[] body, String contentType) {
        if (body.length == 0) {
            return;
        }
        if (terminal && isBinary(body)) {
            out.write(BINARY_NOTE, 0, BINARY_NOTE.length);
            out.flush();
            return;
        }
        if (format && looksJson(contentType, body)) {
            try {
                out.print(PyJson.pretty(Json.parse(body), 4, sorted));
                if (terminal) {
                    out.print('\n');
                }
                out.flush();
                return;
            } catch (RuntimeException notJson) {
                // As HTTPie: a body that says JSON but is not is printed as it came.
            }
        }
        out.write(body, 0, body.length);
        if (terminal && body[body.length - 1] != '\n') {
            // As HTTPie on a terminal: the prompt starts on its own line.
            out.print('\n');
        }
        out.flush();
    }

    /** Copies {@code in} to the output as it arrives ({@code --stream}), flushing each read. */
    void stream(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            ((OutputStream) out).write(buf, 0, n);
            out.flush();
        }
    }

    /** Prints the separator HTTPie puts between messages. */
    void separator() {
        out.print("\n\n");
        out.flush();
    }

    void text(String s) {
        out.print(s);
        out.flush();
    }

    private static boolean looksJson(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i < body.length && (body[i] == '{' || body[i] == '[')
                && (contentType == null || contentType.startsWith("text/") || contentType.contains("javascript"));
    }

    static boolean isBinary(byte[] body) {
        int n = Math.min(body.length, 1024);
        for (int i = 0; i < n; i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
