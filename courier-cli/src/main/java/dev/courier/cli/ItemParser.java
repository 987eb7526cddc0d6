package dev.courier.cli;

import dev.courier.cli.RequestItem.Separator;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request item such as {@code name=Ada} or {@code X-Token:abc} the way HTTPie's
 * {@code KeyValueArgType} does: the separator starting first wins, the longest at that place;
 * a backslash before a separator character makes it literal (and is dropped), a backslash before
 * any other character is kept.
 */
final class ItemParser {

    private static final String SPECIAL = ":;=@";

    private ItemParser() {
    }

    /** Returns the item {@code arg} holds, or throws {@link CliException} naming it. */
    static RequestItem parse(String arg) {
        // Tokens alternate: plain text (even index) and a single escaped character (odd index).
        List<String> tokens = tokenize(arg);
        for (int i = 0; i < tokens.size(); i += 2) {
            String token = tokens.get(i);
            int bestPos = -1;
            Separator best = null;
            for (Separator s : Separator.values()) {
                int pos = token.indexOf(s.text);
                if (pos < 0) {
                    continue;
                }
                if (best == null || pos < bestPos || pos == bestPos && s.text.length() > best.text.length()) {
                    best = s;
                    bestPos = pos;
                }
            }
            if (best != null) {
                StringBuilder key = new StringBuilder();
                for (int j = 0; j < i; j++) {
                    key.append(tokens.get(j));
                }
                key.append(token, 0, bestPos);
                StringBuilder value = new StringBuilder(token.substring(bestPos + best.text.length()));
                for (int j = i + 1; j < tokens.size(); j++) {
                    value.append(tokens.get(j));
                }
                return new RequestItem(key.toString(), best, value.toString(), arg);
            }
        }
        throw new CliException("'" + arg + "' is not a valid request item; use Header:value, name==value, "
                + "field=value, field:=json or field@file (escape a literal separator with \\)");
    }

    private static List<String> tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                cur.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                cur.append('\\');
                continue;
            }
            char next = s.charAt(++i);
            if (SPECIAL.indexOf(next) < 0) {
                cur.append('\\').append(next);
            } else {
                tokens.add(cur.toString());
                tokens.add(String.valueOf(next));
                cur.setLength(0);
            }
        }
        tokens.add(cur.toString());
        return tokens;
    }
}
