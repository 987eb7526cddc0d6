package dev.courier.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict RFC 8259 reader over a String: one document, nothing after it but whitespace. */
final class JsonReader {

    private final String s;
    private final int maxDepth;
    private int pos;
    private int depth;

    JsonReader(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    Object readDocument() {
        skipWhitespace();
        Object v = readValue();
        skipWhitespace();
        if (pos != s.length()) {
            throw error("unexpected " + describe(pos) + " after the JSON value");
        }
        return v;
    }

    private Object readValue() {
        if (pos >= s.length()) {
            throw error("JSON ended where a value was expected");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
                return readString();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("unexpected " + describe(pos) + " where a value was expected");
        }
    }

    private Map<String, Object> readObject() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key but found " + describe(pos));
            }
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, readValue());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' but found " + describe(pos));
            }
        }
    }

    private List<Object> readArray() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(readValue());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' but found " + describe(pos));
            }
        }
    }

    private String readString() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= s.length()) {
                throw error("string starting at offset " + (start - 1) + " is not closed");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                pos++;
                return out;
            }
            if (c < 0x20) {
                throw error("control character " + describe(pos) + " inside a string must be escaped");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, start, pos);
                pos++;
                sb.append(readEscape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private char readEscape() {
        if (pos >= s.length()) {
            throw error("JSON ended inside an escape");
        }
        char c = s.charAt(pos++);
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > s.length()) {
                    throw error("\\u escape needs four hex digits");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(s.charAt(pos + i), 16);
                    if (d < 0) {
                        throw error("bad hex digit " + describe(pos + i) + " in \\u escape");
                    }
                    v = v * 16 + d;
                }
                pos += 4;
                return (char) v;
            default:
                pos--;
                throw error("unknown escape \\" + c);
        }
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("expected a digit but found " + describe(pos));
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.' but found " + describe(pos));
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent but found " + describe(pos));
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String text = s.substring(start, pos);
        if (integral && text.length() <= 18) {
            return Long.parseLong(text);
        }
        BigDecimal exact = new BigDecimal(text);
        if (integral) {
            return exact.toBigIntegerExact().bitLength() < 64 ? (Object) exact.longValueExact() : exact;
        }
        double d = exact.doubleValue();
        return !Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0 ? (Object) d : exact;
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected " + describe(pos) + " (did you mean " + word + "?)");
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw error("nesting deeper than maxDepth=" + maxDepth);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + describe(pos));
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe(int at) {
        if (at >= s.length()) {
            return "end of input";
        }
        char c = s.charAt(at);
        return c < 0x20 ? String.format("character 0x%02X", (int) c) : "'" + c + "'";
    }

    private JsonException error(String what) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(s.length(), pos + 20);
        String near = s.substring(from, to).replace("\n", "\\n").replace("\r", "\\r");
        return new JsonException("invalid JSON at offset " + pos + ": " + what + " (near \"" + near + "\")");
    }
}
