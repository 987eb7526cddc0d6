package dev.courier.wire;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The inflate step shared by the gzip and deflate decoders. */
final class InflaterSupport {

    private InflaterSupport() {
    }

    /**
     * Inflates from {@code in} into {@code out} once; returns the bytes produced and adds them to
     * {@code crc} when it is not null. The inflater advances {@code in} by what it consumed.
     */
    static int inflate(Inflater inflater, ByteBuffer in, ByteBuffer out, CRC32 crc, long offset) {
        inflater.setInput(in);
        int start = out.position();
        int n;
        try {
            n = inflater.inflate(out);
        } catch (DataFormatException e) {
            throw new HttpParseException(HttpParseException.Violation.BAD_DEFLATE_DATA, offset,
                    "corrupt deflate data: " + e.getMessage(), e);
        }
        if (inflater.needsDictionary()) {
            throw new HttpParseException(HttpParseException.Violation.BAD_DEFLATE_DATA, offset,
                    "zlib stream asks for a preset dictionary, which HTTP content coding never uses (RFC 9110 §8.4.1.2)");
        }
        if (crc != null && n > 0) {
            if (out.hasArray()) {
                crc.update(out.array(), out.arrayOffset() + start, n);
            } else {
                int end = out.position();
                int limit = out.limit();
                out.position(start).limit(end);
                crc.update(out);
                out.limit(limit);
            }
        }
        return n;
    }
}
