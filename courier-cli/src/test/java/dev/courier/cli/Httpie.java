package dev.courier.cli;

import dev.courier.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs HTTPie's {@code http} for many command lines in one Python process (httpie_batch.py), with
 * the interpreter named on the first line of the {@code http} script; null when HTTPie is absent.
 */
final class Httpie {

    record Run(int status, byte[] out, String err) {
    }

    private Httpie() {
    }

    /** Returns the path of the {@code http} script, or null when it is not installed. */
    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "http");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static List<Run> runAll(List<List<String>> cases) throws IOException, InterruptedException {
        Path http = find();
        String shebang = Files.readAllLines(http).get(0);
        String python = shebang.startsWith("#!") ? shebang.substring(2).strip().split(" ")[0] : "python3";
        Path script = Files.createTempFile("httpie_batch", ".py");
        try (InputStream in = Httpie.class.getResourceAsStream("/httpie_batch.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(python, script.toString()).redirectErrorStream(false).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(Json.write(cases).getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("httpie_batch.py failed: " + err);
        }
        Files.deleteIfExists(script);
        List<Run> runs = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) Json.parse(line);
            runs.add(new Run(((Number) m.get("status")).intValue(), Base64.getDecoder().decode((String) m.get("out")),
                    (String) m.get("err")));
        }
        return runs;
    }
}
