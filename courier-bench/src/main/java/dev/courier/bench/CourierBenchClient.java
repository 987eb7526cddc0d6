package dev.courier.bench;

import dev.courier.Request;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Courier's client: one shared {@link Session} whose pool keeps {@link Concurrency#MAX} idle
 * connections per origin (the default keeps 5, like OkHttp's), a prepared {@link Request} sent
 * again and again, and the body streamed ({@code stream(true)}) into a reused buffer, as the peers
 * do. Redirects and cookies stay at their defaults; the loopback server sends neither.
 */
final class CourierBenchClient implements BenchClient {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[READ_BUFFER]);

    private Session session;
    private Request request;

    @Override
    public void prepare(String url) {
        session = Session.builder()
                .poolSize(Concurrency.MAX)
                .readTimeout(Duration.ofSeconds(30))
                .build();
        request = Request.builder(Method.GET, url).stream(true).build();
    }

    @Override
    public long get() throws IOException {
        try (Response response = session.send(request)) {
            if (response.statusCode() != 200) {
                throw BenchClient.unexpectedStatus(response.statusCode());
            }
            byte[] buffer = BUFFER.get();
            long total = 0;
            try (InputStream in = response.stream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    total += n;
                }
            }
            return total;
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
