package dev.courier.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small images drawn in code for /image/png, /image/jpeg and /image/svg, so no binary asset is shipped. */
final class Images {

    static final int SIZE = 16;

    private Images() {
    }

    /**
     * Returns a valid 16x16 RGB PNG (a red and blue checker board): signature, IHDR, one zlib
     * IDAT, IEND, each chunk with its CRC-32 (PNG spec, ISO/IEC 15948 §5.3).
     */
    static byte[] png() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < SIZE; y++) {
            raw.write(0); // filter type None for this scanline
            for (int x = 0; x < SIZE; x++) {
                boolean red = ((x / 4) + (y / 4)) % 2 == 0;
                raw.write(red ? 0xd0 : 0x20);
                raw.write(0x30);
                raw.write(red ? 0x30 : 0xd0);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        while (!deflater.finished()) {
            z.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, SIZE);
        putInt(ihdr, 4, SIZE);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: truecolour RGB
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * Returns the same checker board as a baseline JPEG, written by the JDK's ImageIO (part of
     * every JDK, so still no shipped asset).
     */
    static byte[] jpeg() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(SIZE, SIZE, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                img.setRGB(x, y, ((x / 4) + (y / 4)) % 2 == 0 ? 0xd03030 : 0x2030d0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!javax.imageio.ImageIO.write(img, "jpeg", out)) {
                throw new IllegalStateException("this JDK's ImageIO has no JPEG writer");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns a small SVG document: the same checker board in four squares. */
    static byte[] svg() {
        String s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">\n"
                + "  <rect width=\"16\" height=\"16\" fill=\"#2030d0\"/>\n"
                + "  <rect width=\"8\" height=\"8\" fill=\"#d03030\"/>\n"
                + "  <rect x=\"8\" y=\"8\" width=\"8\" height=\"8\" fill=\"#d03030\"/>\n"
                + "</svg>\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] head = new byte[8];
        putInt(head, 0, data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
