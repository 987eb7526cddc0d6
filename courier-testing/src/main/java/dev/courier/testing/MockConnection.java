package dev.courier.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One accepted connection of a {@link MockServer}, as a script: read a request, record it, take
 * the response, wait the head delay, write the head, wait the body delay, write the body, and
 * decide whether to keep the connection. Byte budgets (disconnect/stall after N) are enforced
 * by {@link Budget} as the bytes go out.
 */
final class MockConnection {

    private final MockServer server;
    private final Socket socket;
    private final int index;

    MockConnection(MockServer server, Socket socket, int index) {
        this.server = server;
        this.socket = socket;
        this.index = index;
    }

    void run() {
        try {
            RequestReader reader = new RequestReader(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            while (server.closed.getCount() > 0) {
                RequestReader.Head head = reader.readHead();
                if (head == null) {
                    return;
                }
                if ("100-continue".equalsIgnoreCase(head.headers().get("Expect"))) {
                    // RFC 9110 §10.1.1: tell the client to go on sending the body.
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] body = reader.readBody(head);
                RecordedRequest request = new RecordedRequest(head.method(), head.target(), head.version(),
                        head.headers(), body, head.raw(), server.nextSequenceNumber(), index);
                MockResponse response = server.respond(request);
                boolean keep = write(out, response, head.method().equals("HEAD"));
                String connection = head.headers().get("Connection");
                if (!keep || (connection != null && connection.equalsIgnoreCase("close"))
                        || head.version().equals("HTTP/1.0")) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent something unreadable: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code r}; returns false when the connection must close afterwards. */
    private boolean write(OutputStream out, MockResponse r, boolean head) throws IOException, InterruptedException {
        if (!pause(r.headDelay())) {
            return false;
        }
        Budget budget = new Budget(out, r);
        if (r.raw() != null) {
            budget.write(r.raw());
            budget.finish();
            return false;
        }
        byte[] body = r.body();
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(r.reason()).append("\r\n");
        for (Map.Entry<String, String> e : r.headers()) {
            h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        boolean noBody = head || r.status() == 204 || r.status() == 304 || r.status() < 200;
        if (r.chunkSize() > 0) {
            h.append("Transfer-Encoding: chunked\r\n");
        } else if (r.status() != 204 && r.status() >= 200) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        h.append("\r\n");
        if (!budget.write(h.toString().getBytes(StandardCharsets.ISO_8859_1))) {
            return budget.finish();
        }
        budget.flush();
        if (!noBody) {
            if (!pause(r.bodyDelay())) {
                return false;
            }
            if (r.chunkSize() > 0) {
                for (int off = 0; off < body.length; off += r.chunkSize()) {
                    int n = Math.min(r.chunkSize(), body.length - off);
                    ByteArrayOutputStream c = new ByteArrayOutputStream();
                    c.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    c.write(body, off, n);
                    c.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    if (!budget.write(c.toByteArray())) {
                        return budget.finish();
                    }
                    budget.flush();
                }
                if (!budget.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                    return budget.finish();
                }
            } else if (!budget.write(body)) {
                return budget.finish();
            }
        }
        budget.flush();
        return budget.finish() && !r.closesConnection();
    }

    /** Waits {@code d} or until the server closes; returns false when it closed. */
    private boolean pause(Duration d) throws InterruptedException {
        if (d.isZero()) {
            return true;
        }
        return !server.closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Counts the bytes of one response and cuts them off at the disconnect or stall point. */
    private final class Budget {
        private final OutputStream out;
        private final long limit;
        private final boolean stall;
        private long sent;
        private boolean cut;

        Budget(OutputStream out, MockResponse r) {
            this.out = out;
            this.stall = r.stallAfterBytes() >= 0;
            this.limit = stall ? r.stallAfterBytes() : r.disconnectAfterBytes();
        }

        /** Writes what the budget allows; returns false once the cut-off point is reached. */
        boolean write(byte[] bytes) throws IOException {
            if (limit < 0) {
                out.write(bytes);
                sent += bytes.length;
                return true;
            }
            long room = limit - sent;
            int n = (int) Math.min(room, bytes.length);
            out.write(bytes, 0, n);
            sent += n;
            if (n < bytes.length || sent >= limit) {
                cut = n < bytes.length || sent >= limit;
                return !cut;
            }
            return true;
        }

        void flush() throws IOException {
            out.flush();
        }

        /** Applies the cut: stall until the server closes, or disconnect; returns true when the connection lives on. */
        boolean finish() throws IOException {
            out.flush();
            if (!cut) {
                return true;
            }
            if (stall) {
                try {
                    server.closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                if (!(socket instanceof javax.net.ssl.SSLSocket)) {
                    socket.shutdownOutput(); // FIN after the last byte; SSLSocket cannot half-close
                }
                socket.close();
            }
            return false;
        }
    }
}
