package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static String decode(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return Utf8.decode(b, 0, b.length);
    }

    @Test
    void decodesWellFormedSequencesOfEveryLength() {
        assertEquals("A\u00e9\u20ac\uD83D\uDE00\uDBFF\uDFFF", decode("41c3a9e282acf09f9880f48fbfbf"));
        assertEquals("", decode(""));
    }

    @Test
    void replacesEachMaximalIllFormedSubsequenceOnce() {
        assertEquals("\uFFFD(", decode("c328"), "lead byte then ASCII");
        assertEquals("\uFFFD", decode("e282"), "truncated three-byte sequence is one error");
        assertEquals("\uFFFD\uFFFD\uFFFD", decode("eda080"), "an encoded surrogate is three errors");
        assertEquals("\uFFFD\uFFFD", decode("c0af"), "overlong lead bytes are never valid");
        assertEquals("\uFFFD\uFFFD\uFFFD", decode("e08080"), "overlong three-byte form");
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", decode("f4908080"), "above U+10FFFF");
        assertEquals("\uFFFD\uFFFD", decode("80bf"), "stray continuation bytes");
        assertEquals("\uFFFDa", decode("ff61"), "FF is never valid");
        assertEquals("\uFFFD\u00e9", decode("e2c3a9"), "a broken sequence does not swallow the next lead");
    }

    @Test
    void encodesUnpairedSurrogatesAsReplacementCharacter() {
        assertArrayEquals(new byte[] {'a', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, Utf8.encode("a\uD800"));
        assertArrayEquals(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, Utf8.encode("\uD83D\uDE00"));
    }
}
