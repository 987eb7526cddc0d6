package dev.courier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's {@code java.net.http.HttpClient} pinned to HTTP/1.1, synchronous {@code send}. */
final class JdkBenchClient implements BenchClient {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[READ_BUFFER]);

    private HttpClient client;
    private HttpRequest request;

    @Override
    public void prepare(String url) {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    @Override
    public long get() throws IOException {
        HttpResponse<InputStream> response;
        try {
            // A stream rather than ofByteArray(): every client streams into a reused buffer, so the
            // 10 MiB download measures transport, not one 10 MiB array per request.
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] buffer = BUFFER.get();
        long total = 0;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw BenchClient.unexpectedStatus(response.statusCode());
            }
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
            }
        }
        return total;
    }

    @Override
    public void close() {
        // HttpClient is AutoCloseable only from Java 21; on 17 its threads stop once it is unreachable.
        client = null;
    }
}
