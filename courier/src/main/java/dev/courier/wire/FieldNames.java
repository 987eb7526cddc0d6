package dev.courier.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

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
    /**
     * Open-addressing table of ids (-1 for empty) keyed by a hash of length, first and last byte
     * (lower-cased), probed linearly; at under a fifth full, a lookup usually compares the bytes
     * of one candidate. One flat array keeps the probe within a cache line or two.
     */
    private static final int[] SLOTS = new int[512];

    /** A {@link #match} found the name spelled exactly as its canonical form. */
    static final int CANONICAL = 0;
    /** A {@link #match} found the name spelled all in lower case. */
    static final int LOWER_CASE = 1;
    /** A {@link #match} found the name in some other mix of cases. */
    static final int OTHER_CASE = 2;

    static {
        for (int i = 0; i < NAMES.length; i++) {
            LOWER_NAMES[i] = NAMES[i].toLowerCase(Locale.ROOT).intern();
            LOWER_BYTES[i] = LOWER_NAMES[i].getBytes(StandardCharsets.ISO_8859_1);
            CANON_BYTES[i] = NAMES[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        Arrays.fill(SLOTS, -1);
        for (int i = 0; i < NAMES.length; i++) {
            byte[] b = CANON_BYTES[i];
            int h = hash(b.length, b[0], b[b.length - 1]);
            while (SLOTS[h] >= 0) {
                h = (h + 1) & (SLOTS.length - 1);
            }
            SLOTS[h] = i;
        }
    }

    private FieldNames() {
    }

    /** Returns the number of known names; ids run from 0 to this, exclusive. */
    static int count() {
        return NAMES.length;
    }

    /** Returns the canonical spelling of known name {@code id}. */
    static String canonical(int id) {
        return NAMES[id];
    }

    private static int hash(int len, byte first, byte last) {
        return ((len * 31 + WireChars.LOWER[first & 0xFF]) * 31 + WireChars.LOWER[last & 0xFF]) & (SLOTS.length - 1);
    }

    /**
     * Looks up the name in {@code buf[off, off+len)}, ignoring ASCII case. Returns
     * {@link #UNKNOWN}, or the name's id shifted left by two, or'ed with how it was spelled
     * ({@link #CANONICAL}, {@link #LOWER_CASE} or {@link #OTHER_CASE}); see {@link #id} and
     * {@link #name}.
     */
    static int match(byte[] buf, int off, int len) {
        if (len == 0) {
            return UNKNOWN;
        }
        int id;
        for (int h = hash(len, buf[off], buf[off + len - 1]); (id = SLOTS[h]) >= 0; h = (h + 1) & (SLOTS.length - 1)) {
            byte[] canon = CANON_BYTES[id];
            if (canon.length != len) {
                continue;
            }
            // Senders mostly use one of the two common spellings, compared eight bytes at a
            // time, so the per-byte case-folding loop rarely runs.
            if (ByteScan.regionEquals(buf, off, canon)) {
                return id << 2 | CANONICAL;
            }
            byte[] lower = LOWER_BYTES[id];
            if (ByteScan.regionEquals(buf, off, lower)) {
                return id << 2 | LOWER_CASE;
            }
            int i = 0;
            while (i < len && WireChars.LOWER[buf[off + i] & 0xFF] == lower[i]) {
                i++;
            }
            if (i == len) {
                return id << 2 | OTHER_CASE;
            }
        }
        return UNKNOWN;
    }

    /** Returns the id of a {@link #match} result, or {@link #UNKNOWN}. */
    static int id(int match) {
        return match == UNKNOWN ? UNKNOWN : match >>> 2;
    }

    /**
     * Returns the name in {@code buf[off, off+len)} as a String given its {@link #match} result:
     * the shared constant when spelled canonically or in lower case, else a new String.
     */
    static String name(int match, byte[] buf, int off, int len) {
        if (match != UNKNOWN) {
            int spelling = match & 3;
            if (spelling == CANONICAL) {
                return NAMES[match >>> 2];
            }
            if (spelling == LOWER_CASE) {
                return LOWER_NAMES[match >>> 2];
            }
        }
        return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }
}
