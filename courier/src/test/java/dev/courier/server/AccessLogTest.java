package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final ZonedDateTime TIME = ZonedDateTime.of(2000, 10, 10, 13, 55, 36, 0, ZoneOffset.ofHours(-7));

    @Test
    void formatsTheApacheCommonLogExample() {
        assertEquals("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
                AccessLog.common("127.0.0.1", "frank", TIME, "GET /apache_pb.gif HTTP/1.0", 200, 2326));
    }

    @Test
    void formatsTheApacheCombinedLogExample() {
        assertEquals("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326"
                        + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
                AccessLog.combined("127.0.0.1", "frank", TIME, "GET /apache_pb.gif HTTP/1.0", 200, 2326,
                        "http://www.example.com/start.html", "Mozilla/4.08 [en] (Win98; I ;Nav)"));
    }

    @Test
    void writesDashForMissingValuesAndEmptyBodies() {
        assertEquals("- - - [10/Oct/2000:13:55:36 -0700] \"-\" 304 - \"-\" \"-\"",
                AccessLog.combined(null, null, TIME, null, 304, 0, null, null));
    }

    @Test
    void escapesWhatTheClientControlsSoNoLineCanBeForged() {
        String line = AccessLog.combined("10.0.0.1", "a b", TIME, "GET /x\"y\\z HTTP/1.1", 200, 1,
                "r\r\n10.0.0.2 - - [x] \"GET / HTTP/1.1\" 200 1", "ua\u0007");
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals("10.0.0.1 - a\\x20b [10/Oct/2000:13:55:36 -0700] \"GET /x\\\"y\\\\z HTTP/1.1\" 200 1"
                + " \"r\\r\\n10.0.0.2 - - [x] \\\"GET / HTTP/1.1\\\" 200 1\" \"ua\\x07\"", line);
    }

    @Test
    void readsFieldsFromARequest() {
        Request req = TestRequest.of(Method.GET, "/search?q=caf%C3%A9", Headers.of("User-Agent", "curl/8.5.0",
                "Referer", "http://localhost/"), "");
        assertEquals("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /search?q=caf%C3%A9 HTTP/1.1\" 200 5"
                        + " \"http://localhost/\" \"curl/8.5.0\"",
                AccessLog.combined(req, "HTTP/1.1", null, TIME, 200, 5));
        assertEquals("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /search?q=caf%C3%A9 HTTP/1.1\" 200 5",
                AccessLog.common(req, "HTTP/1.1", null, TIME, 200, 5));
    }

    @Test
    void writesNumericAddressesWithoutLookup() {
        assertEquals("0:0:0:0:0:0:0:1", AccessLog.host(new InetSocketAddress("::1", 1)));
        assertEquals("unresolved.invalid", AccessLog.host(InetSocketAddress.createUnresolved("unresolved.invalid", 1)));
    }
}
