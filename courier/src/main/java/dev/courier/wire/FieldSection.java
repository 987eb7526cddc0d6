package dev.courier.wire;

import dev.courier.http.Headers;
import dev.courier.internal.HeadersAccess;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects the field lines of one header or trailer section (RFC 9112 §5) into reusable arrays
 * and turns them into {@link Headers} at the end.
 *
 * <p>Each line is checked as it arrives: name is a non-empty token directly followed by a colon,
 * value free of control characters other than HTAB. Obsolete line folding is an error in strict
 * mode; in tolerant mode the continuation is joined to the previous value with one SP, as RFC
 * 9112 §5.2 allows a user agent to do.
 */
final class FieldSection {

    private final boolean strict;
    /** Name, value, name, value ...: the layout Headers uses, so the end is one exact-size copy. */
    private String[] namesAndValues = new String[32];
    private int[] ids = new int[16];
    private int count;

    FieldSection(boolean strict) {
        this.strict = strict;
    }

    /** Forgets the fields, keeping the arrays. */
    void clear() {
        Arrays.fill(namesAndValues, 0, count * 2, null);
        count = 0;
    }

    int count() {
        return count;
    }

    /** Returns the {@link FieldNames} id of field {@code i}, or {@link FieldNames#UNKNOWN}. */
    int id(int i) {
        return ids[i];
    }

    String value(int i) {
        return namesAndValues[i * 2 + 1];
    }

    /**
     * Parses one non-empty field line held in {@code line[from, from+len)}.
     *
     * @param offset where the line starts in the message, for error offsets
     * @param maxCount the limit on the number of fields
     * @param clean true when the line is known to hold no control byte ({@link LineReader#clean()}),
     *     which makes the per-byte check of the value redundant
     */
    void addLine(byte[] line, int from, int len, long offset, int maxCount, boolean clean) {
        int end = from + len;
        byte first = line[from];
        if (first == ' ' || first == '\t') {
            foldLine(line, from, end, offset);
            return;
        }
        int colon = ByteScan.indexOf(line, from, end, (byte) ':');
        if (colon < 0) {
            // No colon: the per-byte scan reports the first non-token byte, as it would have
            // stopped there, or else the missing colon.
            checkName(line, from, end, end, offset);
            throw new HttpParseException(HttpParseException.Violation.BAD_HEADER_NAME, offset + len,
                    "field line " + WireChars.quote(line, from, len) + " has no colon (RFC 9112 §5)");
        }
        if (colon == from) {
            throw new HttpParseException(HttpParseException.Violation.BAD_HEADER_NAME, offset,
                    "field line " + WireChars.quote(line, from, len) + " has an empty name (RFC 9110 §5.1)");
        }
        int match = FieldNames.match(line, from, colon - from);
        if (match == FieldNames.UNKNOWN) {
            // A known name matched byte for byte (ignoring case) is a token already.
            checkName(line, from, colon, end, offset);
        }
        if (count == maxCount) {
            throw new HttpParseException(HttpParseException.Violation.TOO_MANY_HEADERS, offset,
                    "header section exceeds maxHeaderCount=" + maxCount + " (field " + (count + 1) + " is "
                            + WireChars.quote(line, from, colon - from)
                            + "); raise WireLimits.maxHeaderCount if the peer is trusted");
        }
        int id = FieldNames.id(match);
        String name = FieldNames.name(match, line, from, colon - from);
        String value = readValue(line, colon + 1, end, offset - from, name, id, clean);
        if (count == ids.length) {
            namesAndValues = Arrays.copyOf(namesAndValues, count * 4);
            ids = Arrays.copyOf(ids, count * 2);
        }
        namesAndValues[count * 2] = name;
        namesAndValues[count * 2 + 1] = value;
        ids[count] = id;
        count++;
    }

    /** Returns the fields as Headers. */
    Headers toHeaders() {
        if (count == 0) {
            return Headers.empty();
        }
        // Every name and value was checked and trimmed in addLine exactly as Headers.Builder
        // would, so the builder's second pass (about half the cost of a head) is skipped.
        return HeadersAccess.trusted(Arrays.copyOf(namesAndValues, count * 2));
    }

    private void foldLine(byte[] line, int from, int end, long offset) {
        if (strict) {
            throw new HttpParseException(HttpParseException.Violation.OBS_FOLD, offset,
                    "field line " + WireChars.quote(line, from, end - from) + " starts with whitespace: obsolete line folding"
                            + " is not allowed in requests (RFC 9112 §5.2); send the value on one line");
        }
        if (count == 0) {
            throw new HttpParseException(HttpParseException.Violation.OBS_FOLD, offset,
                    "whitespace-led line " + WireChars.quote(line, from, end - from)
                            + " before the first field has nothing to continue (RFC 9112 §2.2)");
        }
        int last = count * 2 - 1;
        String more = readValue(line, from, end, offset - from, namesAndValues[last - 1], FieldNames.UNKNOWN, false);
        if (!more.isEmpty()) {
            namesAndValues[last] = namesAndValues[last].isEmpty() ? more : namesAndValues[last] + ' ' + more;
        }
    }

    /**
     * Returns the value in {@code line[start, end)} without surrounding whitespace, checked.
     *
     * @param base the message offset of {@code line[0]}, for error offsets
     * @param id the field's {@link FieldNames} id, for {@link FieldValues#shared}
     */
    private static String readValue(byte[] line, int start, int end, long base, String name, int id, boolean clean) {
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        // A clean line holds no control byte at all, so this check could not fail.
        if (!clean) {
            for (int i = start; i < end; i++) {
                byte b = line[i];
                if (!WireChars.isValueByte(b)) {
                    if (b == '\r') {
                        throw bareCr(base + i, "value of " + WireChars.quote(name));
                    }
                    throw new HttpParseException(HttpParseException.Violation.BAD_HEADER_VALUE, base + i,
                            "value of " + WireChars.quote(name) + " holds " + WireChars.describe(b) + " at offset "
                                    + (i - start) + " in " + WireChars.quote(line, start, end - start)
                                    + "; control characters are not allowed in field values (RFC 9110 §5.5)");
                }
            }
        }
        if (start == end) {
            return "";
        }
        String shared = FieldValues.shared(id, line, start, end);
        return shared != null ? shared : new String(line, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Throws for the first byte of {@code line[from, nameEnd)} that is not a token character. */
    private static void checkName(byte[] line, int from, int nameEnd, int end, long offset) {
        for (int i = from; i < nameEnd; i++) {
            if (!WireChars.isTchar(line[i])) {
                throw badName(line, from, end, i, offset);
            }
        }
    }

    private static HttpParseException badName(byte[] line, int from, int end, int i, long offset) {
        byte b = line[i];
        long at = offset + (i - from);
        if (b == ' ' || b == '\t') {
            int j = i;
            while (j < end && (line[j] == ' ' || line[j] == '\t')) {
                j++;
            }
            if (j < end && line[j] == ':') {
                return new HttpParseException(HttpParseException.Violation.SPACE_BEFORE_COLON, at,
                        "whitespace between field name " + WireChars.quote(line, from, i - from)
                                + " and colon is not allowed (RFC 9112 §5.1)");
            }
        }
        if (b == '\r') {
            return bareCr(at, "field name");
        }
        return new HttpParseException(HttpParseException.Violation.BAD_HEADER_NAME, at,
                "field name in " + WireChars.quote(line, from, end - from) + " holds " + WireChars.describe(b)
                        + " at offset " + (i - from) + ", not a token character (RFC 9110 §5.1)");
    }

    static HttpParseException bareCr(long offset, String where) {
        return new HttpParseException(HttpParseException.Violation.BARE_CR, offset,
                "CR not followed by LF in " + where + " (RFC 9112 §2.2); lines must end with CR LF");
    }
}
