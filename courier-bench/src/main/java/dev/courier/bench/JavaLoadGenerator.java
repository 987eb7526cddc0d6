package dev.courier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator used when {@code wrk} is not installed: one thread per keep-alive connection,
 * each sending a pre-built GET, reading the response with {@link ResponseScan} and recording its
 * latency. Closed loop like wrk: a connection sends its next request when the last answer is in.
 * It costs more CPU than wrk, which shares the 2 cores with the server: compare ratios, not numbers.
 */
final class JavaLoadGenerator implements LoadGenerator {

    /** Bits of what {@link #readResponse} saw: a 200, and a {@code Connection: close}. */
    private static final int OK = 1;
    private static final int CLOSE = 2;

    @Override
    public String name() {
        return "built-in Java load generator";
    }

    @Override
    public LoadResult run(int port, String path, int connections, int seconds) throws InterruptedException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        LatencyHistogram[] histograms = new LatencyHistogram[connections];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int i = 0; i < connections; i++) {
            LatencyHistogram h = new LatencyHistogram();
            histograms[i] = h;
            threads[i] = new Thread(() -> drive(port, request, end, h, errors), "load-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(seconds * 1000L + 30_000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        LatencyHistogram all = new LatencyHistogram();
        for (LatencyHistogram h : histograms) {
            all.add(h);
        }
        return new LoadResult(all.count() / elapsed, all.percentile(0.99) / 1000.0, errors.get());
    }

    private static void drive(int port, byte[] request, long end, LatencyHistogram h, AtomicLong errors) {
        byte[] buffer = new byte[128 * 1024];
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                boolean open = true;
                while (open && System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    out.write(request);
                    int answer = readResponse(in, buffer);
                    if ((answer & OK) == 0) {
                        errors.incrementAndGet();
                    }
                    h.record((System.nanoTime() - t0) / 1000);
                    // A server that answers "Connection: close" (gunicorn's sync workers) gets a new
                    // connection, as wrk opens one; that is not an error.
                    open = (answer & CLOSE) == 0;
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    /** Reads one response; returns {@link #OK} when its status was 200, plus {@link #CLOSE} when it closes the connection. */
    private static int readResponse(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                throw new IOException("server closed the connection");
            }
            headEnd = ResponseScan.headEnd(buffer, Math.max(0, length - 3), length + n);
            length += n;
        }
        int answer = (ResponseScan.status(buffer) == 200 ? OK : 0) | (ResponseScan.closes(buffer, headEnd) ? CLOSE : 0);
        long remaining = ResponseScan.contentLength(buffer, headEnd) - (length - headEnd);
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("server closed the connection mid-body");
            }
            remaining -= n;
        }
        return answer;
    }
}
