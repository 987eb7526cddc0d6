package dev.courier.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree as Python's {@code json.dumps} does, since HTTPie's request bodies and
 * formatted output are made by it: {@code ", "} and {@code ": "} separators, floats as Python's
 * {@code repr} ({@code 1.0}, {@code 1e+16}), non-ASCII as {@code \\u} escapes when {@code asciiOnly}.
 */
final class PyJson {

    private PyJson() {
    }

    /** Returns {@code value} on one line, e.g. {@code {"name": "Ada", "age": 3}}. */
    static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, -1, 0, false, true);
        return sb.toString();
    }

    /** Returns {@code value} indented by {@code indent} spaces, keys sorted when {@code sort}. */
    static String pretty(Object value, int indent, boolean sort) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, indent, 0, sort, false);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int indent, int depth, boolean sort, boolean ascii) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(s, sb, ascii);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sort) {
                entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            }
            container(sb, '{', '}', entries.size(), indent, depth, i -> {
                string(String.valueOf(entries.get(i).getKey()), sb, ascii);
                sb.append(": ");
                write(entries.get(i).getValue(), sb, indent, depth + 1, sort, ascii);
            });
        } else if (v instanceof List<?> l) {
            container(sb, '[', ']', l.size(), indent, depth, i -> write(l.get(i), sb, indent, depth + 1, sort, ascii));
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Number n) {
            sb.append(floatRepr(n));
        } else {
            string(v.toString(), sb, ascii);
        }
    }

    private interface Item {
        void write(int index);
    }

    private static void container(StringBuilder sb, char open, char close, int n, int indent, int depth, Item item) {
        sb.append(open);
        if (n == 0) {
            sb.append(close);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(indent < 0 ? ", " : ",");
            }
            if (indent >= 0) {
                sb.append('\n').append(" ".repeat(indent * (depth + 1)));
            }
            item.write(i);
        }
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
        sb.append(close);
    }

    /** Python's float {@code repr}: shortest digits, fixed between 1e-4 and 1e16, else {@code 1e+16}. */
    static String floatRepr(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = bd.toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exp));
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    private static void string(String s, StringBuilder sb, boolean ascii) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || ascii && c > 0x7F) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
