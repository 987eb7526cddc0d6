package dev.courier.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 classic with {@code MultipartEntityBuilder} and a file body. */
final class ApacheUploader implements Uploader {

    private final CloseableHttpClient client = HttpClients.createDefault();

    @Override
    public void upload(Path file, int port) throws IOException {
        HttpPost post = new HttpPost("http://127.0.0.1:" + port + "/upload");
        post.setEntity(MultipartEntityBuilder.create()
                .addBinaryBody("f", file.toFile(), ContentType.APPLICATION_OCTET_STREAM, file.getFileName().toString())
                .build());
        int status = client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
        if (status != 200) {
            throw new IOException("sink answered " + status);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
