package dev.courier.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Access log lines in the Common Log Format and the Combined Log Format of Apache httpd and
 * nginx, so that existing log tools (GoAccess, AWStats, fail2ban filters) read Courier's log:
 *
 * <pre>
 * 127.0.0.1 - ada [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
 * 127.0.0.1 - ada [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://example.com/start.html" "Mozilla/4.08"
 * </pre>
 *
 * <p>Fields are: client address (never a DNS lookup), identd user (always {@code -}),
 * authenticated user, time with zone offset, request line, status, body bytes sent ({@code -}
 * for none, as Apache's {@code %b}); the combined format adds Referer and User-Agent. Missing
 * values are {@code -}. Everything the client controls is escaped like Apache does ({@code "}
 * and {@code \} with a backslash, control characters as {@code \xHH}), so a request cannot forge
 * a second log line.
 */
final class AccessLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private AccessLog() {
    }

    /**
     * Returns the Common Log Format line for {@code request} answered with {@code status} and
     * {@code bytes} of body at {@code time}; {@code version} is the request's protocol, e.g.
     * {@code HTTP/1.1}, and {@code user} the authenticated user or null.
     */
    static String common(Request request, String version, String user, ZonedDateTime time, int status, long bytes) {
        return common(host(request.remoteAddress()), user, time, requestLine(request, version), status, bytes);
    }

    /** Returns the Combined Log Format line: {@link #common(Request, String, String, ZonedDateTime, int, long)} plus Referer and User-Agent. */
    static String combined(Request request, String version, String user, ZonedDateTime time, int status, long bytes) {
        return combined(host(request.remoteAddress()), user, time, requestLine(request, version), status, bytes,
                request.header("Referer"), request.header("User-Agent"));
    }

    /** Returns the Common Log Format line from its fields; null fields are written as {@code -}. */
    static String common(String host, String user, ZonedDateTime time, String requestLine, int status, long bytes) {
        StringBuilder sb = new StringBuilder(128);
        appendCommon(sb, host, user, time, requestLine, status, bytes);
        return sb.toString();
    }

    /** Returns the Combined Log Format line from its fields; null fields are written as {@code -}. */
    static String combined(String host, String user, ZonedDateTime time, String requestLine, int status, long bytes,
            String referer, String userAgent) {
        StringBuilder sb = new StringBuilder(256);
        appendCommon(sb, host, user, time, requestLine, status, bytes);
        sb.append(' ');
        quoted(sb, referer);
        sb.append(' ');
        quoted(sb, userAgent);
        return sb.toString();
    }

    private static void appendCommon(StringBuilder sb, String host, String user, ZonedDateTime time,
            String requestLine, int status, long bytes) {
        bare(sb, host);
        sb.append(" - ");
        bare(sb, user);
        sb.append(" [").append(TIME.format(time)).append("] ");
        quoted(sb, requestLine);
        sb.append(' ').append(status).append(' ');
        if (bytes > 0) {
            sb.append(bytes);
        } else {
            sb.append('-');
        }
    }

    /** Returns e.g. {@code GET /search?q=x HTTP/1.1} for the request line as received. */
    static String requestLine(Request request, String version) {
        String query = request.rawQuery();
        return request.method().name() + ' ' + request.path() + (query == null ? "" : "?" + query) + ' ' + version;
    }

    /** Returns the numeric address of {@code address}, without a reverse DNS lookup. */
    static String host(InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        InetAddress ip = address.getAddress();
        return ip == null ? address.getHostString() : ip.getHostAddress();
    }

    /** An unquoted field: escaped, and a space also escaped so the field count stays fixed. */
    private static void bare(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            sb.append('-');
            return;
        }
        int start = sb.length();
        Escape.appendEscaped(sb, value, 0, value.length());
        for (int i = start; i < sb.length(); i++) {
            if (sb.charAt(i) == ' ') {
                sb.replace(i, i + 1, "\\x20");
            }
        }
    }

    private static void quoted(StringBuilder sb, String value) {
        sb.append('"');
        if (value == null) {
            sb.append('-');
        } else {
            Escape.appendEscaped(sb, value, 0, value.length());
        }
        sb.append('"');
    }
}
