package dev.courier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials for the {@code Authorization} header, per request or per session:
 * {@code Auth.basic("ada", "s3cret")} or {@code Auth.bearer(token)}. They are sent only to the
 * origin of the request they were given for; a redirect elsewhere drops them.
 */
public final class Auth {

    private final String scheme;
    private final String headerValue;

    private Auth(String scheme, String headerValue) {
        this.scheme = scheme;
        this.headerValue = headerValue;
    }

    /**
     * Returns HTTP Basic credentials (RFC 7617), user and password encoded as UTF-8 (the
     * {@code charset="UTF-8"} of §2.1, which requests also uses), e.g. {@code Basic YWRhOnMzY3JldA==}.
     *
     * @throws IllegalArgumentException if the user name holds a colon, which Basic cannot carry
     */
    public static Auth basic(String user, String password) {
        if (user == null || password == null) {
            throw new IllegalArgumentException("user and password must not be null");
        }
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name cannot contain ':' (RFC 7617 §2)");
        }
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Auth("Basic", "Basic " + token);
    }

    /**
     * Returns a bearer token (RFC 6750), sent as {@code Authorization: Bearer <token>}.
     *
     * @throws IllegalArgumentException if the token is empty or holds characters RFC 6750 §2.1 forbids
     */
    public static Auth bearer(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("bearer token is empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
            if (!ok) {
                throw new IllegalArgumentException("bearer token has a character RFC 6750 §2.1 does not allow at index "
                        + i + " (code " + (int) c + ")");
            }
        }
        return new Auth("Bearer", "Bearer " + token);
    }

    /** Returns the value of the Authorization header, e.g. {@code "Bearer abc"}. */
    public String headerValue() {
        return headerValue;
    }

    /** Returns the scheme without the secret, e.g. {@code Auth[Basic]}. */
    @Override
    public String toString() {
        return "Auth[" + scheme + "]";
    }
}
