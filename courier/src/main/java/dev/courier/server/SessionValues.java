package dev.courier.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a {@link WebSession} may hold: those JSON carries, normalised so that a value reads
 * back the same from memory, a file or a cookie (an Integer is kept as the Long that JSON would
 * give back). Java serialization is never used: reading it from a file or cookie an attacker can
 * touch is a known road to remote code execution.
 */
final class SessionValues {

    /** Deepest nesting of lists and maps in one value, far more than a session needs. */
    static final int DEFAULT_MAX_DEPTH = 16;

    private SessionValues() {
    }

    /**
     * Returns {@code value} normalised and deeply unmodifiable.
     *
     * @throws IllegalArgumentException naming {@code name} and the type for anything else
     */
    static Object normalize(String name, Object value) {
        return normalize(name, value, 0);
    }

    private static Object normalize(String name, Object v, int depth) {
        if (depth > DEFAULT_MAX_DEPTH) {
            throw new IllegalArgumentException("session value " + Escape.quote(name) + " nests deeper than "
                    + DEFAULT_MAX_DEPTH + " lists/maps");
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        if (v instanceof BigInteger && ((BigInteger) v).bitLength() < 64) {
            return ((BigInteger) v).longValue();
        }
        if (v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(o == null ? null : normalize(name, o, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("session value " + Escape.quote(name)
                            + " is a map with a non-string key " + e.getKey() + "; JSON object keys are strings");
                }
                out.put((String) e.getKey(), e.getValue() == null ? null : normalize(name, e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        throw new IllegalArgumentException("session value " + Escape.quote(name) + " is a " + v.getClass().getName()
                + "; a session holds only String, Boolean, numbers, and Lists/Maps of those (kept as JSON,"
                + " never Java serialization); store an id and look the object up instead");
    }

    /** Returns {@code v} as a {@code type} when it is a number that fits without loss, else null. */
    static Object convertNumber(Object v, Class<?> type) {
        if (!(v instanceof Number)) {
            return null;
        }
        Number n = (Number) v;
        if (type == Integer.class && v instanceof Long && n.longValue() == n.intValue()) {
            return n.intValue();
        }
        if (type == Long.class && v instanceof BigDecimal) {
            try {
                return ((BigDecimal) v).longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (type == Double.class && v instanceof Long && (long) (double) n.longValue() == n.longValue()) {
            return n.doubleValue();
        }
        if (type == Double.class && v instanceof BigDecimal) {
            return n.doubleValue();
        }
        return null;
    }

    /** Returns a normalised copy of a whole session's data, as read back from JSON. */
    static Map<String, Object> normalizeAll(Map<?, ?> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            String k = String.valueOf(e.getKey());
            out.put(k, e.getValue() == null ? null : normalize(k, e.getValue()));
        }
        return out;
    }
}
