package dev.courier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** OkHttp 4.12 with synchronous calls on one shared client, pool wide enough for 64 threads. */
final class OkHttpBenchClient implements BenchClient {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[READ_BUFFER]);

    private OkHttpClient client;
    private Request request;

    @Override
    public void prepare(String url) {
        // The default pool keeps only 5 idle connections: with 64 threads it would close and reopen
        // connections all the time, which measures the pool setting rather than the library.
        client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(Concurrency.MAX, 5, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                .readTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
        request = new Request.Builder().url(url).build();
    }

    @Override
    public long get() throws IOException {
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != 200) {
                throw BenchClient.unexpectedStatus(response.code());
            }
            ResponseBody body = response.body();
            if (body == null) {
                return 0;
            }
            byte[] buffer = BUFFER.get();
            long total = 0;
            try (InputStream in = body.byteStream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    total += n;
                }
            }
            return total;
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
