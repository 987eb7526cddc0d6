package dev.courier.cookie;

/**
 * The {@code SameSite} attribute of a cookie (RFC 6265bis §4.1.2.7); a cookie without the
 * attribute has no {@code SameSite} value ({@link Cookie#sameSite()} returns {@code null}).
 */
public enum SameSite {
    /** Sent only with requests that start on the cookie's own site. */
    STRICT("Strict"),
    /** Also sent with top-level navigations from other sites that use a safe method. */
    LAX("Lax"),
    /** Sent with cross-site requests too; browsers require {@code Secure} with it. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** Returns the spelling used in a {@code Set-Cookie} header, e.g. {@code "Lax"}. */
    public String attributeValue() {
        return attributeValue;
    }

    /**
     * Returns the value for an attribute value compared without ASCII case, or {@code null} when
     * it is none of the three (RFC 6265bis §5.6.7 then treats the cookie as having no value).
     */
    static SameSite parse(String value) {
        for (SameSite s : values()) {
            if (s.attributeValue.equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }
}
