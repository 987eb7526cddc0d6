package dev.courier.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding with replacement exactly as the WHATWG Encoding Standard's "UTF-8 decode"
 * specifies: each maximal ill-formed subsequence becomes one U+FFFD (Unicode §3.9, "U+FFFD
 * substitution of maximal subparts"). {@code new String(bytes, UTF_8)} differs: it turns an
 * encoded surrogate such as {@code ED A0 80} into a single U+FFFD where browsers and Python give
 * three, so form and URL decoding would not agree with them.
 */
final class Utf8 {

    /** U+FFFD in UTF-8: what an unpaired surrogate becomes, as WHATWG's "UTF-8 encode" does. */
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Utf8() {
    }

    /**
     * Returns {@code s} as UTF-8 with every unpaired surrogate replaced by U+FFFD
     * ({@code String.getBytes} would write '?', which is data in a form or URL).
     */
    static byte[] encode(String s) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(s));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new AssertionError("REPLACE never throws", e);
        }
    }

    /** Returns bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code b} decoded. */
    static String decode(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int b0 = b[i] & 0xFF;
            if (b0 < 0x80) {
                sb.append((char) b0);
                i++;
                continue;
            }
            int need;
            int cp;
            int lower = 0x80;
            int upper = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                need = 1;
                cp = b0 & 0x1F;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                // E0 must not start an overlong form, ED must not encode a surrogate.
                lower = b0 == 0xE0 ? 0xA0 : 0x80;
                upper = b0 == 0xED ? 0x9F : 0xBF;
                need = 2;
                cp = b0 & 0x0F;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                // F0 must not start an overlong form, F4 must stay at or below U+10FFFF.
                lower = b0 == 0xF0 ? 0x90 : 0x80;
                upper = b0 == 0xF4 ? 0x8F : 0xBF;
                need = 3;
                cp = b0 & 0x07;
            } else {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            int j = i + 1;
            boolean ok = true;
            for (int k = 0; k < need; k++, j++) {
                int bj = j < to ? b[j] & 0xFF : -1;
                if (bj < lower || bj > upper) {
                    ok = false;
                    break;
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (bj & 0x3F);
            }
            if (ok) {
                sb.appendCodePoint(cp);
            } else {
                // The byte that broke the sequence is not consumed: it may start the next one.
                sb.append('\uFFFD');
            }
            i = j;
        }
        return sb.toString();
    }
}
