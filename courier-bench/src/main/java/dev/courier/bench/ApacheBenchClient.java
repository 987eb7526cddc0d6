package dev.courier.bench;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/** Apache HttpClient 5 classic (blocking) API, one shared client with a pooling manager. */
final class ApacheBenchClient implements BenchClient {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[READ_BUFFER]);

    private CloseableHttpClient client;
    private String url;

    @Override
    public void prepare(String url) {
        // The default per-route limit is 5: with more threads they would queue for a connection.
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(Concurrency.MAX)
                .setMaxConnPerRoute(Concurrency.MAX)
                .build();
        client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .build();
        this.url = url;
    }

    @Override
    public long get() throws IOException {
        // A request object is not meant to be shared between threads, so each call builds one,
        // as an application would.
        HttpGet request = new HttpGet(url);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            if (response.getCode() != 200) {
                throw BenchClient.unexpectedStatus(response.getCode());
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return 0;
            }
            byte[] buffer = BUFFER.get();
            long total = 0;
            try (InputStream in = entity.getContent()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    total += n;
                }
            }
            return total;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
