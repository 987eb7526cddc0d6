package dev.courier.multipart;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns the raw header section of one part into {@link PartHeaders}. */
final class PartHeaderSection {

    private PartHeaderSection() {}

    /**
     * Returns the fields of {@code buf[0, end)}: CRLF-terminated lines without the closing blank
     * line. Continuation lines (obs-fold, RFC 5322 §2.2.3) are joined with one space.
     *
     * @throws IllegalArgumentException for a line that is not {@code Name: value}, or a name or
     *     value that {@link PartHeaders} refuses
     */
    static PartHeaders parse(byte[] buf, int end) {
        PartHeaders.Builder b = PartHeaders.builder();
        String name = null;
        StringBuilder value = new StringBuilder();
        int lineStart = 0;
        // Each turn moves lineStart past one CRLF-terminated line.
        while (lineStart < end) {
            int lineEnd = lineStart;
            while (buf[lineEnd] != '\r' || buf[lineEnd + 1] != '\n') {
                lineEnd++;
            }
            byte first = buf[lineStart];
            if ((first == ' ' || first == '\t') && name != null) {
                value.append(' ').append(decode(buf, lineStart, lineEnd).trim());
            } else {
                if (name != null) {
                    b.add(name, value.toString());
                }
                int colon = lineStart;
                while (colon < lineEnd && buf[colon] != ':') {
                    colon++;
                }
                if (colon == lineEnd || colon == lineStart) {
                    throw new IllegalArgumentException("header line " + Escape.quote(buf, lineStart, lineEnd - lineStart)
                            + " is not \"Name: value\"");
                }
                name = new String(buf, lineStart, colon - lineStart, StandardCharsets.ISO_8859_1).trim();
                value.setLength(0);
                value.append(decode(buf, colon + 1, lineEnd).trim());
            }
            lineStart = lineEnd + 2;
        }
        if (name != null) {
            b.add(name, value.toString());
        }
        return b.build();
    }

    /**
     * Decodes header bytes as UTF-8, which browsers and urllib3 use for file names, falling back
     * to ISO-8859-1 (every byte maps to a char) when they are not valid UTF-8.
     */
    private static String decode(byte[] buf, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
