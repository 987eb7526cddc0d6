package dev.courier.cookie;

import java.util.Objects;

/**
 * What a {@link CookieJar} did with one {@code Set-Cookie} header or one stored cookie: stored it,
 * took it as a deletion (it arrived expired), rejected it, or evicted it to stay within a limit.
 *
 * <p>{@link #message()} reads like a log line, e.g.
 * {@code rejected cookie "sid": Domain=com is a public suffix}.
 */
public final class StoreOutcome {

    /** The kinds of outcome. */
    public enum Kind {
        /** The cookie is in the jar (new, or replacing one with the same name, domain and path). */
        STORED,
        /** The cookie arrived already expired: any cookie it would replace was removed. */
        EXPIRED,
        /** The header was ignored; {@link #reason()} says why. */
        REJECTED,
        /** A stored cookie was removed to keep the jar within a limit; {@link #reason()} names it. */
        EVICTED
    }

    private final Kind kind;
    private final String header;
    private final String name;
    private final Cookie cookie;
    private final String reason;

    private StoreOutcome(Kind kind, String header, String name, Cookie cookie, String reason) {
        this.kind = kind;
        this.header = header;
        this.name = name;
        this.cookie = cookie;
        this.reason = reason;
    }

    static StoreOutcome stored(String header, Cookie cookie) {
        return new StoreOutcome(Kind.STORED, header, cookie.name(), cookie, null);
    }

    static StoreOutcome expired(String header, Cookie cookie) {
        return new StoreOutcome(Kind.EXPIRED, header, cookie.name(), cookie, "it has already expired");
    }

    static StoreOutcome rejected(String header, String name, String reason) {
        return new StoreOutcome(Kind.REJECTED, header, name, null, reason);
    }

    static StoreOutcome evicted(Cookie cookie, String reason) {
        return new StoreOutcome(Kind.EVICTED, null, cookie.name(), cookie, reason);
    }

    /** Returns what happened. */
    public Kind kind() {
        return kind;
    }

    /** Returns true when the cookie is now in the jar. */
    public boolean stored() {
        return kind == Kind.STORED;
    }

    /** Returns the {@code Set-Cookie} value this is about, or null for an eviction. */
    public String header() {
        return header;
    }

    /** Returns the cookie name, or null when the header had no usable name. */
    public String name() {
        return name;
    }

    /** Returns the cookie stored, expired or evicted; null when rejected. */
    public Cookie cookie() {
        return cookie;
    }

    /** Returns why the header was rejected or the cookie evicted; null when stored. */
    public String reason() {
        return reason;
    }

    /**
     * Returns a one-line description, e.g. {@code rejected cookie "sid": Domain=com is a public
     * suffix} or {@code stored cookie "sid" for example.com/}.
     */
    public String message() {
        String who = name != null ? "cookie " + CookieChars.quote(name)
                : "Set-Cookie " + CookieChars.quote(header);
        switch (kind) {
            case STORED:
                return "stored " + who + " for " + cookie.domain() + cookie.path();
            case EXPIRED:
                return "removed " + who + " for " + cookie.domain() + cookie.path() + ": " + reason;
            case REJECTED:
                return "rejected " + who + ": " + reason;
            default:
                return "evicted " + who + " for " + cookie.domain() + cookie.path() + ": " + reason;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StoreOutcome)) {
            return false;
        }
        StoreOutcome s = (StoreOutcome) o;
        return kind == s.kind && Objects.equals(header, s.header) && Objects.equals(name, s.name)
                && Objects.equals(cookie, s.cookie) && Objects.equals(reason, s.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, header, name, cookie, reason);
    }

    @Override
    public String toString() {
        return message();
    }
}
