package dev.courier.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON body from data items as HTTPie 3 does: {@code user[name]=Ada} nests objects,
 * {@code tags[]=x} appends, {@code a[2]=x} sets an index (padding with null), {@code []=x} makes
 * the top level an array; a later plain key replaces an earlier one. {@code \[} and {@code \]} are
 * literal brackets (HTTPie's documented escape).
 */
final class NestedJson {

    /** What a path step does. */
    private enum Kind { KEY, INDEX, APPEND }

    private record Step(Kind kind, String key, int index) {
        String typeName() {
            return kind == Kind.KEY ? "object" : "array";
        }
    }

    private Object root;

    /** Returns the tree built so far: a Map, a List, or an empty Map when nothing was set. */
    Object tree() {
        return root == null ? new LinkedHashMap<String, Object>() : root;
    }

    /** Sets {@code value} at the path {@code key}, e.g. {@code a[b][]}. */
    void set(String key, Object value) {
        List<Step> steps = parse(key);
        if (root == null) {
            root = container(steps.get(0));
        }
        Object cur = root;
        String where = "";
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            check(cur, step, where, key);
            boolean last = i == steps.size() - 1;
            Object next = last ? value : null;
            if (!last) {
                Object existing = get(cur, step);
                next = existing != null ? existing : container(steps.get(i + 1));
                if (existing != null) {
                    put(cur, step, existing);
                    cur = existing;
                    where = step.kind == Kind.KEY ? step.key : where;
                    continue;
                }
            }
            put(cur, step, next);
            cur = next;
            where = step.kind == Kind.KEY ? step.key : where;
        }
    }

    private static Object container(Step first) {
        return first.kind == Kind.KEY ? new LinkedHashMap<String, Object>() : new ArrayList<>();
    }

    private static void check(Object cur, Step step, String where, String key) {
        boolean ok = step.kind == Kind.KEY ? cur instanceof Map : cur instanceof List;
        if (!ok) {
            throw new CliException("cannot use " + key + ": '" + where + "' is " + typeOf(cur) + " but "
                    + (step.kind == Kind.KEY ? "'" + step.key + "'" : step.kind == Kind.APPEND ? "[]" : "[" + step.index + "]")
                    + " needs an " + step.typeName());
        }
    }

    private static String typeOf(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v == null ? "null" : v instanceof String ? "a string" : v instanceof Boolean ? "a bool" : "a number";
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object cur, Step step) {
        if (step.kind == Kind.KEY) {
            return ((Map<String, Object>) cur).get(step.key);
        }
        List<Object> list = (List<Object>) cur;
        return step.kind == Kind.INDEX && step.index < list.size() ? list.get(step.index) : null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Object cur, Step step, Object value) {
        if (step.kind == Kind.KEY) {
            ((Map<String, Object>) cur).put(step.key, value);
            return;
        }
        List<Object> list = (List<Object>) cur;
        if (step.kind == Kind.APPEND) {
            list.add(value);
            return;
        }
        while (list.size() <= step.index) {
            list.add(null);
        }
        list.set(step.index, value);
    }

    /** Parses {@code a[b][0][]} into steps; the first may be empty when the key starts with {@code [}. */
    static List<Step> parse(String key) {
        List<Step> steps = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        i = readText(key, i, text);
        if (i < key.length() && key.charAt(i) == ']') {
            throw syntax(key, i, "expecting '['");
        }
        if (text.length() > 0 || i >= key.length()) {
            steps.add(new Step(Kind.KEY, text.toString(), -1));
        }
        while (i < key.length()) {
            if (key.charAt(i) != '[') {
                throw syntax(key, i, "expecting '['");
            }
            text.setLength(0);
            int close = readText(key, i + 1, text);
            if (close >= key.length() || key.charAt(close) != ']') {
                throw syntax(key, close, "expecting ']'");
            }
            steps.add(step(text.toString(), key, i));
            i = close + 1;
        }
        return steps;
    }

    private static Step step(String inside, String key, int at) {
        if (inside.isEmpty()) {
            return new Step(Kind.APPEND, null, -1);
        }
        if (inside.startsWith("-") && inside.length() > 1 && inside.chars().skip(1).allMatch(Character::isDigit)) {
            throw syntax(key, at, "negative indexes are not supported");
        }
        if (inside.chars().allMatch(c -> c >= '0' && c <= '9') && inside.length() < 10) {
            return new Step(Kind.INDEX, null, Integer.parseInt(inside));
        }
        return new Step(Kind.KEY, inside, -1);
    }

    /** Reads up to an unescaped bracket; returns its index (or the end). */
    private static int readText(String s, int i, StringBuilder out) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "[]\\".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '[' || c == ']') {
                return i;
            }
            out.append(c);
            i++;
        }
        return i;
    }

    private static CliException syntax(String key, int at, String what) {
        return new CliException("bad nested JSON key '" + key + "' at offset " + at + ": " + what);
    }
}
