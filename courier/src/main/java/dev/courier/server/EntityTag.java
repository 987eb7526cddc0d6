package dev.courier.server;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity-tag (RFC 9110 §8.8.3) such as {@code "abc"} or {@code W/"abc"}, with the strong and
 * weak comparisons of §8.8.3.2.
 */
final class EntityTag {

    private final boolean weak;
    private final String opaque;

    EntityTag(boolean weak, String opaque) {
        this.weak = weak;
        this.opaque = opaque;
    }

    boolean weak() {
        return weak;
    }

    /**
     * Returns true when both tags are strong and their opaque parts are equal: {@code "1"}
     * matches {@code "1"}; {@code W/"1"} matches nothing.
     */
    boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** Returns true when the opaque parts are equal, whatever the weakness: {@code W/"1"} matches {@code "1"}. */
    boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /**
     * Returns the tags of a list-valued field such as If-None-Match, e.g. two tags for
     * {@code "a", W/"b"}; an empty list for {@code *} (check {@link #isAny} first); null when the
     * value is malformed, which the caller then treats as matching nothing.
     */
    static List<EntityTag> parseList(String value) {
        List<EntityTag> out = new ArrayList<>(2);
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = false;
            if (c == 'W' && i + 1 < n && value.charAt(i + 1) == '/') {
                weak = true;
                i += 2;
            }
            if (i >= n || value.charAt(i) != '"') {
                return null;
            }
            int close = i + 1;
            while (close < n && value.charAt(close) != '"') {
                char e = value.charAt(close);
                if (e < 0x21 || e == 0x7F) { // etagc = %x21 / %x23-7E / obs-text
                    return null;
                }
                close++;
            }
            if (close >= n) {
                return null;
            }
            out.add(new EntityTag(weak, value.substring(i + 1, close)));
            i = close + 1;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return null;
            }
        }
        return out;
    }

    /** Returns the single tag in {@code value}, or null when it is not exactly one tag. */
    static EntityTag parse(String value) {
        List<EntityTag> tags = parseList(value);
        return tags != null && tags.size() == 1 ? tags.get(0) : null;
    }

    /** Returns true when {@code value} is the wildcard {@code *} (after trimming). */
    static boolean isAny(String value) {
        return value.trim().equals("*");
    }

    /** Returns the tag as written in a header, e.g. {@code W/"abc"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + "\"";
    }
}
