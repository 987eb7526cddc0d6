package dev.courier.wire;

import java.nio.charset.StandardCharsets;

/**
 * The common header field names, matched on raw bytes so that parsing them builds no String.
 *
 * <p>A name found here gets a small id (used by the parser to spot Host, Content-Length and
 * Transfer-Encoding without comparing strings). The String handed out is a shared constant when
 * the bytes are spelled exactly as the canonical or the all-lower-case form, which covers what
 * browsers, curl, HTTP/2-to-1 proxies and most servers send; any other spelling is kept as sent
 * (Headers preserves spelling) and costs one String.
 */
final class FieldNames {

    static final int UNKNOWN = -1;
    static final int HOST = 0;
    static final int CONTENT_LENGTH = 1;
    static final int TRANSFER_ENCODING = 2;
    static final int CONNECTION = 3;

    /** Canonical spellings; the first four indexes are the ids above. */
    private static final String[] NAMES = {
        "Host", "Content-Length", "Transfer-Encoding", "Connection",
        // RFC 9110 and RFC 9111 fields
        "Content-Type", "Accept", "User-Agent", "Accept-Encoding", "Accept-Language", "Accept-Charset",
        "Accept-Ranges", "Cookie", "Set-Cookie", "Date", "Server", "Cache-Control", "Pragma", "Expires",
        "Age", "ETag", "Last-Modified", "If-Modified-Since", "If-None-Match", "If-Match", "If-Range",
        "If-Unmodified-Since", "Range", "Content-Range", "Content-Encoding", "Content-Language",
        "Content-Location", "Content-Disposition", "Location", "Referer", "Origin", "Authorization",
        "WWW-Authenticate", "Proxy-Authorization", "Proxy-Authenticate", "Vary", "Upgrade", "Keep-Alive",
        "Expect", "TE", "Trailer", "Via", "Allow", "Retry-After", "Forwarded", "Link", "Alt-Svc",
        // De-facto proxy fields
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Real-IP", "X-Requested-With",
        "Proxy-Connection",
        // What browsers send on every navigation or fetch (Fetch Metadata, Client Hints, RFC 9218)
        "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest", "Sec-Fetch-User", "Sec-CH-UA",
        "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "Upgrade-Insecure-Requests", "DNT", "Priority",
        "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Accept", "Sec-WebSocket-Extensions",
        "Sec-WebSocket-Protocol", "Access-Control-Request-Method", "Access-Control-Request-Headers",
        // What sites commonly answer with (CORS, security policy fields)
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
        "Strict-Transport-Security", "Content-Security-Policy", "X-Content-Type-Options",
        "X-Frame-Options", "X-XSS-Protection", "Referrer-Policy", "Permissions-Policy",
        "Cross-Origin-Opener-Policy", "Cross-Origin-Embedder-Policy", "Cross-Origin-Resource-Policy",
    };
    private static final String[] LOWER_NAMES = new String[NAMES.length];
    private static final byte[][] LOWER_BYTES = new byte[NAMES.length][];
    private static final byte[][] CANON_BYTES = new byte[NAMES.length][];
    /** Ids of the names of each length, for a cheap first filter. */
    private static final int[][] BY_LENGTH;

    static {
        int maxLen = 0;
        for (String n : NAMES) {
            maxLen = Math.max(maxLen, n.length());
        }
        int[] counts = new int[maxLen + 1];
        for (int i = 0; i < NAMES.length; i++) {
            LOWER_NAMES[i] = NAMES[i].toLowerCase(java.util.Locale.ROOT).intern();
            LOWER_BYTES[i] = LOWER_NAMES[i].getBytes(StandardCharsets.ISO_8859_1);
            CANON_BYTES[i] = NAMES[i].getBytes(StandardCharsets.ISO_8859_1);
            counts[NAMES[i].length()]++;
        }
        BY_LENGTH = new int[maxLen + 1][];
        for (int len = 0; len <= maxLen; len++) {
            BY_LENGTH[len] = new int[counts[len]];
            counts[len] = 0;
        }
        for (int i = 0; i < NAMES.length; i++) {
            int len = NAMES[i].length();
            BY_LENGTH[len][counts[len]++] = i;
        }
    }

    private FieldNames() {
    }

    /** Returns the number of known names. */
    static int count() {
        return NAMES.length;
    }

    /** Returns the canonical spelling of known name {@code id}. */
    static String canonical(int id) {
        return NAMES[id];
    }

    /** Returns the id of the name in {@code buf[off, off+len)}, ignoring ASCII case, or UNKNOWN. */
    static int lookup(byte[] buf, int off, int len) {
        if (len >= BY_LENGTH.length) {
            return UNKNOWN;
        }
        byte first = WireChars.LOWER[buf[off] & 0xFF];
        for (int id : BY_LENGTH[len]) {
            byte[] lower = LOWER_BYTES[id];
            if (lower[0] != first) {
                continue;
            }
            int i = 1;
            while (i < len && WireChars.LOWER[buf[off + i] & 0xFF] == lower[i]) {
                i++;
            }
            if (i == len) {
                return id;
            }
        }
        return UNKNOWN;
    }

    /**
     * Returns the name in {@code buf[off, off+len)} as a String: the shared constant for known
     * name {@code id} when spelled canonically or in lower case, else a new String.
     */
    static String toName(int id, byte[] buf, int off, int len) {
        if (id != UNKNOWN) {
            if (regionEquals(CANON_BYTES[id], buf, off)) {
                return NAMES[id];
            }
            if (regionEquals(LOWER_BYTES[id], buf, off)) {
                return LOWER_NAMES[id];
            }
        }
        return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }

    private static boolean regionEquals(byte[] expected, byte[] buf, int off) {
        for (int i = 0; i < expected.length; i++) {
            if (buf[off + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
