package dev.courier.wire;

import dev.courier.json.Json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feeds every head of the h11 differential corpus whole, one byte at a time, at random split
 * points and followed by the next message, and requires the same verdict each way. Needs no
 * Python.
 */
class CorpusSplitTest {

    private static int feedAll(String corpus, boolean requests) throws IOException {
        int n = 0;
        try (InputStream in = CorpusSplitTest.class.getResourceAsStream("h11/" + corpus)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Map<String, Object> c = castMap(Json.parse(line));
                byte[] bytes = ((String) c.get("bytes")).getBytes(StandardCharsets.ISO_8859_1);
                if (requests) {
                    Feeder.allWays(() -> HeadParser.forRequests(WireLimits.defaults()), bytes);
                } else {
                    Feeder.allWays(() -> HeadParser.forResponses(WireLimits.defaults()), bytes);
                }
                n++;
            }
        }
        return n;
    }

    @Test
    void everyCorpusRequestParsesTheSameWhateverTheSplit() throws IOException {
        assertTrue(feedAll("requests.jsonl", true) >= 50);
    }

    @Test
    void everyCorpusResponseParsesTheSameWhateverTheSplit() throws IOException {
        assertTrue(feedAll("responses.jsonl", false) >= 50);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object json) {
        return (Map<String, Object>) json;
    }
}
