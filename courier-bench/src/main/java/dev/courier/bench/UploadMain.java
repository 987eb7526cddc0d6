package dev.courier.bench;

import java.nio.file.Path;

/**
 * Runs one uploader of {@link Uploaders} in this JVM (started with a capped heap by
 * {@link UploadBench}): {@code UploadMain <name> <sinkPort> <warmupSeconds> <roundSeconds> <file>:<rounds>...}.
 *
 * <p>Warms up by uploading the first (smallest) file for {@code warmupSeconds}, then for each file
 * measures {@code rounds} rounds. A round uploads the file again and again until at least
 * {@code roundSeconds} have passed (at least once), so small files are timed over many uploads.
 * Prints one line per file: {@code RESULT <bytes> <MiB/s of each round, comma-separated> <heap growth MiB>},
 * then {@code DONE}.
 */
final class UploadMain {

    private UploadMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        double warmupSeconds = Double.parseDouble(args[2]);
        double roundSeconds = Double.parseDouble(args[3]);
        try (Uploader uploader = Uploaders.all().get(name).get()) {
            Path first = Path.of(args[4].substring(0, args[4].lastIndexOf(':')));
            long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int i = 0; i < 100_000 && System.nanoTime() < warmEnd; i++) {
                uploader.upload(first, port);
            }
            for (int a = 4; a < args.length; a++) {
                int colon = args[a].lastIndexOf(':');
                Path file = Path.of(args[a].substring(0, colon));
                int rounds = Integer.parseInt(args[a].substring(colon + 1));
                long size = java.nio.file.Files.size(file);
                StringBuilder rates = new StringBuilder();
                HeapSampler heap = HeapSampler.start();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    long bytes = 0;
                    do {
                        uploader.upload(file, port);
                        bytes += size;
                    } while (System.nanoTime() - t0 < roundSeconds * 1e9);
                    double mibps = bytes / (1024.0 * 1024.0) / ((System.nanoTime() - t0) / 1e9);
                    rates.append(r == 0 ? "" : ",").append(mibps);
                }
                System.out.println("RESULT " + size + " " + rates + " " + heap.stopMib());
                System.out.flush();
            }
        }
        System.out.println("DONE");
        System.exit(0);
    }
}
