package dev.courier.interop;

import dev.courier.Body;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import dev.courier.multipart.Multipart;
import java.nio.file.Path;

/**
 * Child-JVM program for {@link StreamingUploadTest}: uploads the file {@code args[1]} as a
 * multipart form to {@code args[0]} with Courier's client, then prints one line of the sink's reply and
 * {@code key=value} facts. Run with a small {@code -Xmx}: a client that buffered the body would
 * fail with OutOfMemoryError.
 */
final class StreamingUploadProbe {

    static final String BOUNDARY = "courier-streaming-probe";

    private StreamingUploadProbe() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Path file = Path.of(args[1]);
        long before = usedAfterGc();
        Multipart form = Multipart.form().boundary(BOUNDARY).field("title", "big").file("big", file).build();
        long[] progress = {0, 0};
        long start = System.nanoTime();
        try (Session session = Session.builder().build()) {
            Response r = session.request(Method.POST, url).body(Body.multipart(form))
                    .onUploadProgress((sent, total) -> {
                        progress[0]++;
                        progress[1] = sent;
                    }).send();
            String reply = r.text();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long growth = usedAfterGc() - before;
            System.out.println("status=" + r.statusCode() + " announced=" + form.contentLength() + " progressCalls="
                    + progress[0] + " lastSent=" + progress[1] + " millis=" + millis + " heapGrowth=" + growth
                    + " maxHeap=" + Runtime.getRuntime().maxMemory() + " " + reply);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
