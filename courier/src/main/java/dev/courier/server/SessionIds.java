package dev.courier.server;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes and checks session IDs: 256 random bits as 43 characters of URL-safe base64. */
final class SessionIds {

    /**
     * Random bytes per ID: 32 (256 bits), twice OWASP's minimum of 64 bits of entropy and above
     * the 128 bits the issue asks for, so guessing a live ID is hopeless at any request rate.
     */
    static final int ID_BYTES = 32;
    /** Length of the base64url form of {@link #ID_BYTES} without padding: ceil(32 * 4 / 3). */
    static final int ID_CHARS = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    /** Returns a new random ID. */
    static String next() {
        byte[] b = new byte[ID_BYTES];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    /**
     * Returns true when {@code id} has the form of an ID this class makes; anything else is
     * refused before it reaches a store (a file store uses the ID as a file name).
     */
    static boolean wellFormed(String id) {
        if (id == null || id.length() != ID_CHARS) {
            return false;
        }
        for (int i = 0; i < ID_CHARS; i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
