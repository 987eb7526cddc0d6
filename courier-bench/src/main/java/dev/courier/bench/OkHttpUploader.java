package dev.courier.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp 4.12's {@code MultipartBody} with a file part, posted by a synchronous call. */
final class OkHttpUploader implements Uploader {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final OkHttpClient client = new OkHttpClient.Builder()
            .writeTimeout(Duration.ofMinutes(2))
            .readTimeout(Duration.ofMinutes(2))
            .build();

    @Override
    public void upload(Path file, int port) throws IOException {
        RequestBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("f", file.getFileName().toString(), RequestBody.create(file.toFile(), OCTET_STREAM))
                .build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/upload").post(body).build();
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IOException("sink answered " + response.code());
            }
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
