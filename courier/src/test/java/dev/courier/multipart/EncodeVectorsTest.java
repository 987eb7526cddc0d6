package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodeVectorsTest {

    @TempDir
    Path tmp;

    /** How a vector part's content is handed to the encoder. */
    enum Source { BYTES, PATH, STREAM }

    @Test
    void reproducesEveryEncodeVectorByteForByteWithLengthKnownFirst() throws Exception {
        for (Source source : Source.values()) {
            for (Map<String, Object> v : Vectors.load("encode", 12)) {
                Multipart m = build(v, source);
                byte[] expected = Base64.getDecoder().decode((String) v.get("body_b64"));
                String id = v.get("name") + " via " + source;
                assertEquals(((Number) v.get("body_length")).longValue(), m.contentLength(), id);
                assertEquals(v.get("content_type"), m.contentType(), id);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                m.writeTo(out);
                assertArrayEquals(expected, out.toByteArray(), id);
            }
        }
    }

    @Test
    void everyOutputPathGivesTheVectorBytes() throws Exception {
        for (Map<String, Object> v : Vectors.load("encode", 12)) {
            byte[] expected = Base64.getDecoder().decode((String) v.get("body_b64"));
            String id = (String) v.get("name");
            ByteArrayOutputStream viaChannel = new ByteArrayOutputStream();
            build(v, Source.PATH).writeTo(Channels.newChannel(viaChannel));
            assertArrayEquals(expected, viaChannel.toByteArray(), id + " via channel");
            try (InputStream in = build(v, Source.PATH).openStream()) {
                assertArrayEquals(expected, in.readAllBytes(), id + " via openStream");
            }
        }
    }

    @Test
    void streamsOfUnknownLengthGiveTheSameBytesButNoLength() throws Exception {
        for (Map<String, Object> v : Vectors.load("encode", 12)) {
            Multipart.Builder b = Multipart.form().boundary((String) v.get("boundary"));
            for (Object o : (List<?>) v.get("parts")) {
                Map<?, ?> p = (Map<?, ?>) o;
                byte[] value = Base64.getDecoder().decode((String) p.get("value_b64"));
                b.part(partBuilder(p).body(new ByteArrayInputStream(value)).build());
            }
            Multipart m = b.build();
            assertEquals(-1, m.contentLength(), "an unknown-length part makes the body chunked");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            assertArrayEquals(Base64.getDecoder().decode((String) v.get("body_b64")), out.toByteArray());
        }
    }

    private Multipart build(Map<String, Object> v, Source source) throws Exception {
        Multipart.Builder b = Multipart.form().boundary((String) v.get("boundary"));
        int n = 0;
        for (Object o : (List<?>) v.get("parts")) {
            Map<?, ?> p = (Map<?, ?>) o;
            byte[] value = Base64.getDecoder().decode((String) p.get("value_b64"));
            Part.Builder pb = partBuilder(p);
            if (source == Source.BYTES) {
                pb.body(value);
            } else if (source == Source.PATH) {
                Path f = Files.write(tmp.resolve("part" + (n++) + ".bin"), value);
                pb.body(f);
            } else {
                pb.body(new ByteArrayInputStream(value), value.length);
            }
            b.part(pb.build());
        }
        Multipart m = b.build();
        assertTrue(m.contentLength() > 0);
        return m;
    }

    private static Part.Builder partBuilder(Map<?, ?> p) {
        Part.Builder pb = Part.builder().name((String) p.get("name"))
                .filename((String) p.get("filename"))
                .contentType((String) p.get("content_type"));
        for (Map.Entry<?, ?> h : ((Map<?, ?>) p.get("headers")).entrySet()) {
            pb.header((String) h.getKey(), (String) h.getValue());
        }
        return pb;
    }
}
