package dev.courier.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code type "/" subtype *( OWS ";" OWS [ parameter ] )} (RFC 9110 §8.3.1, §5.6.6), with
 * token or quoted-string parameter values (§5.6.4). Leading and trailing whitespace is ignored;
 * empty parameters ({@code ;;} and a trailing {@code ;}) are allowed, as the grammar says.
 * A parameter named twice is refused: a peer could mean either value (two {@code boundary}
 * parameters make a multipart body ambiguous).
 */
final class MediaTypeParser {

    private enum State {
        /** Reading the type token. */
        TYPE,
        /** Reading the subtype token, after '/'. */
        SUBTYPE,
        /** After the subtype or a value: OWS, then ';' or the end. */
        AFTER_VALUE,
        /** After ';': OWS, then a parameter name, another ';' or the end. */
        BEFORE_NAME,
        /** Reading a parameter name, up to '='. */
        NAME,
        /** Just after '=': a token or an opening quote. */
        VALUE_START,
        /** Reading a token value. */
        TOKEN_VALUE,
        /** Inside a quoted-string. */
        QUOTED,
        /** After a backslash inside a quoted-string. */
        QUOTED_PAIR
    }

    private MediaTypeParser() {
    }

    static MediaType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("media type is null");
        }
        int end = text.length();
        int i = 0;
        while (i < end && isOws(text.charAt(i))) {
            i++;
        }
        while (end > i && isOws(text.charAt(end - 1))) {
            end--;
        }
        State state = State.TYPE;
        int start = i;
        String type = null;
        String subtype = null;
        String name = null;
        StringBuilder quoted = null;
        List<String> params = new ArrayList<>(4);
        for (; i < end; i++) {
            char c = text.charAt(i);
            switch (state) {
                case TYPE:
                    if (c == '/') {
                        if (i == start) {
                            throw error(text, i, "expected a type before '/'", "write e.g. \"text/plain\"");
                        }
                        type = Ascii.lowercase(text.substring(start, i));
                        state = State.SUBTYPE;
                        start = i + 1;
                    } else if (!Ascii.isTchar(c)) {
                        throw error(text, i, Ascii.describe(c) + " is not allowed in the type",
                                "a media type looks like \"type/subtype\"");
                    }
                    break;
                case SUBTYPE:
                    if (c == ';' || isOws(c)) {
                        subtype = subtype(text, start, i);
                        state = c == ';' ? State.BEFORE_NAME : State.AFTER_VALUE;
                    } else if (!Ascii.isTchar(c)) {
                        throw error(text, i, Ascii.describe(c) + " is not allowed in the subtype", null);
                    }
                    break;
                case AFTER_VALUE:
                    if (c == ';') {
                        state = State.BEFORE_NAME;
                    } else if (!isOws(c)) {
                        throw error(text, i, "expected ';' before " + Ascii.describe(c),
                                "separate parameters with ';' and quote values holding spaces");
                    }
                    break;
                case BEFORE_NAME:
                    if (Ascii.isTchar(c)) {
                        start = i;
                        state = State.NAME;
                    } else if (c != ';' && !isOws(c)) {
                        throw error(text, i, Ascii.describe(c) + " cannot start a parameter name", null);
                    }
                    break;
                case NAME:
                    if (c == '=') {
                        name = Ascii.lowercase(text.substring(start, i));
                        for (int p = 0; p < params.size(); p += 2) {
                            if (params.get(p).equals(name)) {
                                throw error(text, start, "parameter \"" + name + "\" appears twice",
                                        "keep one of them");
                            }
                        }
                        state = State.VALUE_START;
                    } else if (!Ascii.isTchar(c)) {
                        throw error(text, i, "expected '=' after parameter name \"" + text.substring(start, i)
                                + "\" but found " + Ascii.describe(c), "write name=value with no spaces around '='");
                    }
                    break;
                case VALUE_START:
                    if (c == '"') {
                        quoted = new StringBuilder();
                        state = State.QUOTED;
                    } else if (Ascii.isTchar(c)) {
                        start = i;
                        state = State.TOKEN_VALUE;
                    } else {
                        throw error(text, i, "parameter \"" + name + "\" has no value before " + Ascii.describe(c),
                                "quote values that are empty or hold separators");
                    }
                    break;
                case TOKEN_VALUE:
                    if (c == ';' || isOws(c)) {
                        params.add(name);
                        params.add(text.substring(start, i));
                        state = c == ';' ? State.BEFORE_NAME : State.AFTER_VALUE;
                    } else if (!Ascii.isTchar(c)) {
                        throw error(text, i, Ascii.describe(c) + " is not allowed in an unquoted value",
                                "put the value in double quotes");
                    }
                    break;
                case QUOTED:
                    if (c == '"') {
                        params.add(name);
                        params.add(quoted.toString());
                        state = State.AFTER_VALUE;
                    } else if (c == '\\') {
                        state = State.QUOTED_PAIR;
                    } else if (isQdtext(c)) {
                        quoted.append(c);
                    } else {
                        throw error(text, i, Ascii.describe(c) + " is not allowed in a quoted-string", null);
                    }
                    break;
                case QUOTED_PAIR:
                    // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                    if (c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF)) {
                        quoted.append(c);
                        state = State.QUOTED;
                    } else {
                        throw error(text, i, Ascii.describe(c) + " cannot follow '\\' in a quoted-string", null);
                    }
                    break;
                default:
                    throw new AssertionError(state);
            }
        }
        switch (state) {
            case TYPE:
                throw error(text, end, start == end ? "the media type is empty" : "expected '/' after the type",
                        "a media type looks like \"type/subtype\"");
            case SUBTYPE:
                subtype = subtype(text, start, end);
                break;
            case NAME:
                throw error(text, end, "parameter \"" + text.substring(start, end) + "\" has no '=value'", null);
            case VALUE_START:
                throw error(text, end, "parameter \"" + name + "\" has no value", "write name=\"\" for an empty one");
            case TOKEN_VALUE:
                params.add(name);
                params.add(text.substring(start, end));
                break;
            case QUOTED:
            case QUOTED_PAIR:
                throw error(text, end, "the quoted value of parameter \"" + name + "\" is not closed",
                        "add the closing '\"'");
            default:
                break;
        }
        return MediaType.create(type, subtype, params);
    }

    private static String subtype(String text, int start, int i) {
        if (i == start) {
            throw error(text, i, "expected a subtype after '/'", "write e.g. \"text/plain\"");
        }
        return Ascii.lowercase(text.substring(start, i));
    }

    /** qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4). */
    private static boolean isQdtext(char c) {
        return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E)
                || (c >= 0x80 && c <= 0xFF);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static IllegalArgumentException error(String text, int offset, String what, String fix) {
        return new IllegalArgumentException("invalid media type " + Ascii.quote(text) + " at offset " + offset
                + ": " + what + (fix == null ? "" : " (" + fix + ")"));
    }
}
