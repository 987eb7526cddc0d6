package dev.courier.json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/** Writes the values {@link Json} knows; {@code indent == null} means compact. */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    static void write(Object v, StringBuilder out, String indent, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(v.toString(), out);
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Number) {
            number((Number) v, out);
        } else if (v instanceof Map) {
            object((Map<?, ?>) v, out, indent, level);
        } else if (v instanceof Iterable) {
            array(((Iterable<?>) v).iterator(), out, indent, level);
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                items[i] = Array.get(v, i);
            }
            array(java.util.Arrays.asList(items).iterator(), out, indent, level);
        } else if (v instanceof Enum) {
            string(((Enum<?>) v).name(), out);
        } else {
            throw new JsonException("cannot write " + v.getClass().getName() + " as JSON without a JsonMapper"
                    + " (add jackson-databind to the class path, or pass a Map/List)");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, String indent, int level) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, level + 1);
            string(String.valueOf(e.getKey()), out);
            out.append(indent == null ? ":" : ": ");
            write(e.getValue(), out, indent, level + 1);
        }
        if (!first) {
            newline(out, indent, level);
        }
        out.append('}');
    }

    private static void array(Iterator<?> it, StringBuilder out, String indent, int level) {
        out.append('[');
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, level + 1);
            write(it.next(), out, indent, level + 1);
        }
        if (!first) {
            newline(out, indent, level);
        }
        out.append(']');
    }

    private static void newline(StringBuilder out, String indent, int level) {
        if (indent != null) {
            out.append('\n');
            for (int i = 0; i < level; i++) {
                out.append(indent);
            }
        }
    }

    private static void number(Number n, StringBuilder out) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new JsonException("JSON has no representation for " + d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append((long) d).append(".0");
            } else {
                out.append(d);
            }
        } else if (n instanceof BigDecimal) {
            out.append(((BigDecimal) n).toString());
        } else if (n instanceof BigInteger || n instanceof Long || n instanceof Integer
                || n instanceof Short || n instanceof Byte) {
            out.append(n);
        } else {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new JsonException("JSON has no representation for " + d);
            }
            out.append(n);
        }
    }

    /** Writes a string escaping what RFC 8259 §7 requires, plus U+2028/9 for script safety. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                        if (c >= 0x100) {
                            out.setLength(out.length() - 6);
                            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                                    .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                        }
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
