package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodeVectorsTest {

    @Test
    void decodesEveryVectorToTheListedPartsHoweverTheBodyIsSplit() throws Exception {
        for (Map<String, Object> v : Vectors.load("decode", 4)) {
            byte[] body = Base64.getDecoder().decode((String) v.get("body_b64"));
            List<?> expected = (List<?>) v.get("parts");
            for (Collector.Split split : Collector.Split.values()) {
                for (long seed = 0; seed < (split == Collector.Split.RANDOM ? 20 : 1); seed++) {
                    String id = v.get("name") + " fed " + split + " seed " + seed;
                    List<Collector.Decoded> got = Collector.decode((String) v.get("content_type"), body, split, seed);
                    assertEquals(expected.size(), got.size(), id);
                    for (int i = 0; i < got.size(); i++) {
                        Map<?, ?> want = (Map<?, ?>) expected.get(i);
                        List<List<String>> wantHeaders = new ArrayList<>();
                        for (Object h : (List<?>) want.get("headers")) {
                            List<?> pair = (List<?>) h;
                            wantHeaders.add(List.of((String) pair.get(0), (String) pair.get(1)));
                        }
                        assertEquals(wantHeaders, got.get(i).headers().pairs(), id + " part " + i);
                        assertArrayEquals(Base64.getDecoder().decode((String) want.get("content_b64")),
                                got.get(i).content(), id + " part " + i);
                    }
                }
            }
        }
    }
}
