package dev.courier.multipart;

import dev.courier.json.Json;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds and reads the shared multipart vectors; skips the calling test when they are absent. */
final class Vectors {
    private Vectors() {}

    static List<Map<String, Object>> load(String kind, int expectedCount) throws IOException {
        String shared = System.getProperty("courier.shared");
        Path dir = shared == null ? null : Path.of(shared, "vectors", "multipart", kind);
        assumeTrue(dir != null && Files.isDirectory(dir),
                "shared vectors not found (system property courier.shared=" + shared
                        + "); run through Maven from a checkout that has ../shared");
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (f.toString().endsWith(".json")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> v = (Map<String, Object>) Json.parse(
                            Files.readString(f, StandardCharsets.UTF_8));
                    out.add(v);
                }
            }
        }
        if (out.size() != expectedCount) {
            throw new AssertionError("expected " + expectedCount + " " + kind + " vectors in " + dir
                    + ", found " + out.size());
        }
        return out;
    }
}
