package dev.courier.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multipart suite (issue 5): each uploader in {@link Uploaders}, in its own JVM capped at
 * {@value #HEAP} of heap, uploads sparse files of 1 MiB, 100 MiB and 1 GiB to the
 * {@link SinkServer} (another JVM). MiB/s of file bytes (median of the rounds) and heap growth.
 */
final class UploadBench {

    /** The heap cap of each uploader's JVM: issue 5's bar is growth under 16 MiB, so 64 MiB is ample for a streaming uploader. */
    static final String HEAP = "64m";

    private static final List<String> UPLOADER_FLAGS = List.of("-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError");
    private static final List<String> SINK_FLAGS = List.of("-Xms64m", "-Xmx64m", "-XX:+UseSerialGC");

    private static final long MIB = 1024 * 1024;

    private final RunMode mode;

    UploadBench(RunMode mode) {
        this.mode = mode;
    }

    List<Row> run() throws Exception {
        Path dir = Files.createTempDirectory("courier-bench-upload");
        long[] sizes = {MIB, 100 * MIB, 1024 * MIB};
        List<Path> files = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            for (long size : sizes) {
                files.add(sparseFile(dir, size));
            }
            try (ChildJvm sink = ChildJvm.start(SINK_FLAGS, SinkServer.class)) {
                String port = sink.awaitReady()[0];
                for (String name : Uploaders.all().keySet()) {
                    List<String> args = new ArrayList<>(List.of(name, port, Double.toString(mode.warmupSeconds()), "0.5"));
                    for (int i = 0; i < sizes.length; i++) {
                        int rounds = sizes[i] >= 1024 * MIB ? mode.gibRounds() : mode.uploadRounds();
                        args.add(files.get(i) + ":" + rounds);
                    }
                    measure(rows, name, args);
                }
            }
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
        return rows;
    }

    private void measure(List<Row> rows, String name, List<String> args) throws IOException {
        try (ChildJvm child = ChildJvm.start(UPLOADER_FLAGS, UploadMain.class, args.toArray(new String[0]))) {
            for (String line = child.readLine(); !line.equals("DONE"); line = child.readLine()) {
                String[] f = line.split(" ");
                long size = Long.parseLong(f[1]);
                String[] parts = f[2].split(",");
                double[] rates = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    rates[i] = Double.parseDouble(parts[i]);
                }
                Stats stats = Stats.of(rates);
                Map<String, Double> extras = new LinkedHashMap<>();
                extras.put(Results.HEAP_GROWTH_MIB, Double.parseDouble(f[3]));
                String scenario = "upload " + label(size);
                rows.add(new Row("multipart", scenario, name, "MiB/s", stats, extras));
                System.out.printf("upload  %-16s %-20s %,8.0f MiB/s ±%4.1f%%  heap growth %5.1f MiB%n", name, scenario,
                        stats.median(), stats.spread() * 50, Double.parseDouble(f[3]));
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("upload  " + name + " FAILED (see its standard error; at -Xmx" + HEAP + " an OOM ends it): " + e);
        }
    }

    private static String label(long size) {
        return size >= 1024 * MIB ? size / (1024 * MIB) + " GiB" : size / MIB + " MiB";
    }

    /** Returns a file of {@code size} zero bytes that takes no disk space. */
    private static Path sparseFile(Path dir, long size) throws IOException {
        Path f = dir.resolve("upload-" + label(size).replace(" ", "") + ".bin");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
        }
        return f;
    }
}
