package dev.courier.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves streaming is real: a 1 GiB file part is encoded by a child JVM limited to a 64 MiB heap,
 * which could not hold even a sixteenth of it.
 */
class StreamingMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void encodesA1GibFilePartWithA64MibHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = tmp.resolve("probe.out");
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeUploadProbe.class.getName(), tmp.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8).trim();
        assertTrue(done, "probe did not finish in 60 s: " + text);
        assertEquals(0, p.exitValue(), "probe failed: " + text);
        Map<String, String> r = new HashMap<>();
        for (String kv : text.substring(text.lastIndexOf('\n') + 1).split(" ")) {
            String[] s = kv.split("=");
            r.put(s[0], s[1]);
        }
        long expected = LargeUploadProbe.SIZE + LargeUploadProbe.HEAD.length() + LargeUploadProbe.TAIL.length();
        assertEquals(expected, Long.parseLong(r.get("announced")), text);
        assertEquals(expected, Long.parseLong(r.get("written")), text);
        assertEquals(expected, Long.parseLong(r.get("sunk")), text);
        assertEquals("true", r.get("crcOk"), text);
        assertTrue(Long.parseLong(r.get("progressCalls")) >= 128, "progress reported per chunk: " + text);
        assertTrue(Long.parseLong(r.get("heapGrowth")) < 16L * 1024 * 1024, "heap growth under 16 MiB: " + text);
        assertEquals(0, tmp.toFile().listFiles(f -> f.getName().endsWith(".bin")).length, "sparse file deleted");
        System.out.println("StreamingMemoryTest: " + text);
    }
}
