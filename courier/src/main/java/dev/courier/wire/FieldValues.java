package dev.courier.wire;

import java.nio.charset.StandardCharsets;

/**
 * Shared Strings for the values of fields whose vocabulary is closed by their specification,
 * so that a parsed head builds no String for, e.g., {@code Sec-Fetch-Mode: navigate}.
 *
 * <p>Only exact byte matches are shared (values keep their spelling, as Headers promises), and
 * only after the parser has checked the value: this table saves allocation, it decides nothing.
 * Browsers send several of these fields on every request (Fetch Metadata, Client Hints), so a
 * server saves about a String per field. Open-ended values (User-Agent, Accept...) are not
 * listed: matching them would cost more than it saves.
 */
final class FieldValues {

    /** Per known-name id: the shared values, or null when the field has no closed vocabulary. */
    private static final String[][] VALUES = new String[FieldNames.count()][];
    private static final byte[][][] BYTES = new byte[FieldNames.count()][][];

    static {
        // RFC 9110 §7.6.1 options seen in practice; the Keep-Alive spellings come from HTTP/1.0 peers.
        vocabulary("Connection", "keep-alive", "close", "Keep-Alive", "Close", "upgrade", "Upgrade");
        vocabulary("Proxy-Connection", "keep-alive", "close", "Keep-Alive");
        // RFC 9112 §7 and the IANA HTTP Content Coding registry.
        vocabulary("Transfer-Encoding", "chunked");
        vocabulary("Content-Encoding", "gzip", "deflate", "br", "zstd", "identity");
        // RFC 9110 §14.3: "bytes" is the only range unit registered; "none" refuses ranges.
        vocabulary("Accept-Ranges", "bytes", "none");
        // W3C Fetch Metadata Request Headers §2 and the Fetch standard's request destinations.
        vocabulary("Sec-Fetch-Site", "same-origin", "same-site", "cross-site", "none");
        vocabulary("Sec-Fetch-Mode", "navigate", "cors", "no-cors", "same-origin", "websocket");
        vocabulary("Sec-Fetch-User", "?1");
        vocabulary("Sec-Fetch-Dest", "document", "empty", "image", "script", "style", "font", "iframe",
                "frame", "audio", "video", "track", "object", "embed", "manifest", "worker", "sharedworker",
                "serviceworker", "report", "xslt", "json", "audioworklet", "paintworklet", "webidentity");
        // User-Agent Client Hints: structured-field booleans and the platform names browsers send.
        vocabulary("Sec-CH-UA-Mobile", "?0", "?1");
        vocabulary("Sec-CH-UA-Platform", "\"Windows\"", "\"macOS\"", "\"Linux\"", "\"Android\"", "\"iOS\"",
                "\"Chrome OS\"", "\"Chromium OS\"", "\"Unknown\"");
        vocabulary("Upgrade-Insecure-Requests", "1");
        vocabulary("DNT", "0", "1");
        vocabulary("Sec-WebSocket-Version", "13");
        // Fetch standard (X-Content-Type-Options), RFC 7034 (X-Frame-Options), CORS, HTML (COOP/COEP/CORP).
        vocabulary("X-Content-Type-Options", "nosniff");
        vocabulary("X-Frame-Options", "DENY", "SAMEORIGIN");
        vocabulary("Access-Control-Allow-Credentials", "true");
        vocabulary("Cross-Origin-Opener-Policy", "same-origin", "same-origin-allow-popups", "unsafe-none");
        vocabulary("Cross-Origin-Embedder-Policy", "require-corp", "credentialless", "unsafe-none");
        vocabulary("Cross-Origin-Resource-Policy", "same-origin", "same-site", "cross-origin");
    }

    private FieldValues() {
    }

    private static void vocabulary(String name, String... values) {
        int id = FieldNames.id(FieldNames.match(name.getBytes(StandardCharsets.ISO_8859_1), 0, name.length()));
        if (id == FieldNames.UNKNOWN) {
            throw new AssertionError("not a known field name: " + name);
        }
        VALUES[id] = values;
        BYTES[id] = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            BYTES[id][i] = values[i].getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Returns the shared String equal to the bytes {@code buf[start, end)} when they are a listed
     * value of known field {@code id}, else null.
     */
    static String shared(int id, byte[] buf, int start, int end) {
        if (id < 0) {
            return null;
        }
        byte[][] candidates = BYTES[id];
        if (candidates == null) {
            return null;
        }
        int len = end - start;
        for (int i = 0; i < candidates.length; i++) {
            byte[] c = candidates[i];
            if (c.length == len && ByteScan.regionEquals(buf, start, c)) {
                return VALUES[id][i];
            }
        }
        return null;
    }
}
