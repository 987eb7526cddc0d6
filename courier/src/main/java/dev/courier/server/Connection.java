package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.wire.BodyDecoder;
import dev.courier.wire.Framing;
import dev.courier.wire.HeadParser;
import dev.courier.wire.HttpParseException;
import dev.courier.wire.HttpVersion;
import dev.courier.wire.RequestHead;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client connection, served request after request on one thread.
 *
 * <p>The loop of {@link #serve()}, per request: 1. {@link #readHead} (idle timeout before the
 * first byte, header timeout after it; malformed heads answered with the parser's status and
 * closed); 2. {@link #validate} ({@code Expect}, body size) and set up the body stream;
 * 3. {@link #dispatch} to the handler; 4. {@link #decideKeepAlive} (client's wish, the server
 * stopping, and the unread body drained within a bound or the connection closed);
 * 5. {@link #send} the reply and log it. Pipelined requests simply wait in the input buffer, so
 * they are answered in order. Any doubt about where a message ends closes the connection: a
 * second request is never read from an ambiguous stream.
 */
final class Connection implements Runnable {

    /** Where the connection is, for a graceful stop that closes only idle connections. */
    enum Phase { IDLE, ACTIVE, CLOSED }

    /** After the last response: how long and how much to read and discard before closing. */
    private static final int LINGER_MILLIS = 1000;
    private static final int LINGER_MAX_BYTES = 256 * 1024;

    private final ServerContext ctx;
    private final Transport transport;
    private final Runnable onEnd;
    private final InputBuffer input;
    final ResponseWriter writer;
    private final HeadParser<RequestHead> parser;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.IDLE);
    /**
     * True while parked in {@link IdleParking} with no thread of its own. Whoever turns it back to
     * false owns the connection: a worker that resumes it, or a closer that then also ends it.
     */
    private final AtomicBoolean parked = new AtomicBoolean();
    /** System.nanoTime() when the connection last became idle (opened, or a reply sent). */
    private volatile long idleSinceNanos = System.nanoTime();
    /** True when unread client bytes may remain, so closing should linger (RFC 9112 §9.6). */
    private boolean linger;

    Connection(ServerContext ctx, Transport transport, Runnable onEnd) {
        this.ctx = ctx;
        this.transport = transport;
        this.onEnd = onEnd;
        this.input = new InputBuffer(transport);
        this.writer = new ResponseWriter(transport, ctx.files);
        this.parser = HeadParser.forRequests(ctx.wire);
    }

    /**
     * Serves the connection on this thread; when it parks, this thread goes on serving parked
     * connections as an {@link IdleParking} worker for as long as it is needed.
     */
    @Override
    public void run() {
        if (serveUntilParkedOrEnded()) {
            IdleParking parking = ctx.parking;
            if (parking != null) {
                parking.work(true);
            }
        }
    }

    /**
     * Runs the request loop on this thread (a worker of {@link IdleParking} calls it for a
     * connection it took); returns true when the connection was parked, false when it ended
     * (and is closed).
     */
    boolean serveUntilParkedOrEnded() {
        boolean parkedNow = false;
        try {
            parkedNow = serve();
        } catch (IOException e) {
            ctx.log.log(System.Logger.Level.DEBUG, () -> "connection from " + transport.remoteAddress() + " ended: " + e);
        } catch (RuntimeException | Error e) {
            ctx.log.log(System.Logger.Level.ERROR, "connection from " + transport.remoteAddress() + " failed", e);
        } finally {
            if (!parkedNow) {
                close();
                onEnd.run();
            }
        }
        return parkedNow;
    }

    /** Takes the connection out of {@link IdleParking}; returns false when a closer took it first. */
    boolean unpark() {
        return parked.compareAndSet(true, false);
    }

    /** Returns true while the connection waits in {@link IdleParking} without a thread. */
    boolean isParked() {
        return parked.get();
    }

    /**
     * Parks the connection when the server parks idle connections and nothing of the next request
     * is buffered; returns true when it did (another thread owns the connection from then on).
     */
    private boolean parkIfWanted() throws IOException {
        IdleParking parking = ctx.parking;
        if (parking == null || input.buf.hasRemaining() || !(transport instanceof PlainTransport) || !parking.shouldPark()) {
            return false;
        }
        parked.set(true);
        try {
            parking.park(this, (PlainTransport) transport);
        } catch (IOException e) {
            if (parked.compareAndSet(true, false)) {
                throw e;
            }
        }
        return true;
    }

    /** Serves requests until the connection should close (returns false) or was parked (returns true). */
    private boolean serve() throws IOException {
        // Bounded: each round answers one request or ends the connection.
        while (true) {
            RequestHead head = readHead();
            if (head == null) {
                return false;
            }
            try (ServerRequest request = validate(head)) {
                if (request == null) {
                    return false;
                }
                Reply reply = dispatch(request);
                boolean keepAlive = decideKeepAlive(request, reply);
                send(request, reply, keepAlive);
                if (!keepAlive) {
                    return false;
                }
            }
            idleSinceNanos = System.nanoTime();
            if (!phase.compareAndSet(Phase.ACTIVE, Phase.IDLE)) {
                return false;
            }
            if (parkIfWanted()) {
                return true;
            }
        }
    }

    /** Returns the next request head, or null when the connection should close (already answered if need be). */
    private RequestHead readHead() throws IOException {
        parser.reset();
        long deadline = 0;
        long idleDeadline = System.nanoTime() + ctx.limits.idleTimeout().toNanos();
        // Bounded: each round reads at least one byte, or ends by a deadline or EOF.
        while (true) {
            if (input.buf.hasRemaining()) {
                if (deadline == 0) {
                    if (!phase.compareAndSet(Phase.IDLE, Phase.ACTIVE)) {
                        return null; // closed by a graceful stop while idle
                    }
                    deadline = System.nanoTime() + ctx.limits.headerTimeout().toNanos();
                }
                try {
                    RequestHead head = parser.parse(input.buf);
                    if (head != null) {
                        return head;
                    }
                } catch (HttpParseException e) {
                    reject(e);
                    return null;
                }
            }
            // One read bounded by the header timeout once a head has begun, else by the idle
            // timeout. Idle connections whose thread is wanted by waiting ones (the platform pool
            // on Java 17 is bounded) are closed by the server's Watchdog instead.
            int n;
            try {
                n = input.fill(millisUntil(deadline != 0 ? deadline : idleDeadline));
            } catch (SocketTimeoutException e) {
                if (deadline != 0) {
                    rejectSlowHeader();
                }
                return null; // idle: close quietly, as nginx does
            }
            if (n < 0) {
                return null;
            }
        }
    }

    private static int millisUntil(long nanoDeadline) {
        return (int) Math.max(1, (nanoDeadline - System.nanoTime()) / 1_000_000);
    }

    /** Checks what the codec leaves to the server, then returns the request, or null after a rejection was sent. */
    private ServerRequest validate(RequestHead head) throws IOException {
        Framing framing = head.framing();
        boolean expectContinue = false;
        String expect = head.headers().get("Expect");
        if (expect != null && head.version() == HttpVersion.HTTP_1_1) {
            // RFC 9110 §10.1.1: 100-continue is the only expectation; others may get 417.
            if (!expect.trim().equalsIgnoreCase("100-continue")) {
                sendError(head, 417, "417 Expectation Failed: only 100-continue is supported, got " + Escape.quote(expect));
                return null;
            }
            expectContinue = framing.hasBody();
        }
        long max = ctx.limits.maxBodyBytes();
        if (framing.kind() == Framing.Kind.CONTENT_LENGTH && framing.contentLength() > max) {
            // Refused before any body byte is read (and before any 100 Continue is sent).
            sendError(head, 413, "413 Content Too Large: Content-Length " + framing.contentLength()
                    + " exceeds maxBodyBytes=" + max);
            return null;
        }
        BodyDecoder decoder = BodyDecoder.forFraming(framing, true, ctx.wire);
        RequestBody body = new RequestBody(input, decoder, max, ctx.ioMillis(),
                expectContinue ? writer::sendContinue : null);
        return new ServerRequest(head, body, transport, max);
    }

    /** Returns the handler's reply; an exception becomes its status (AbortException) or a logged 500. */
    private Reply dispatch(ServerRequest request) {
        try {
            Reply reply = Dispatch.nonNull(ctx.handler.handle(request), "handler");
            if (reply.body() instanceof ReplyBody.Template) {
                // A handler that is not a Router returned Reply.render: nothing here can render it.
                throw ((ReplyBody.Template) reply.body()).notRendered();
            }
            return reply;
        } catch (AbortException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            return Reply.builder(e.status()).contentType(Reply.TEXT_UTF8).body(Dispatch.bytes(e.status() + " " + message)).build();
        } catch (Exception e) {
            ctx.log.log(System.Logger.Level.ERROR, request + ": handler failed", e);
            return Dispatch.internalError();
        }
    }

    /** Returns true when the connection can carry another request after this reply. */
    private boolean decideKeepAlive(ServerRequest request, Reply reply) {
        Headers h = request.headers();
        boolean http11 = request.version() == HttpVersion.HTTP_1_1;
        // RFC 9112 §9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive".
        boolean wanted = http11 ? !h.containsToken("Connection", "close") : h.containsToken("Connection", "keep-alive");
        boolean keep = wanted
                && !ctx.stopping
                && !reply.headers().containsToken("Connection", "close")
                && ResponseWriter.framingOf(reply.status(), reply.body(), http11) != ResponseWriter.Framing.CLOSE
                && request.body().drain(ctx.limits.maxDrainBytes());
        if (!keep) {
            linger = true;
        }
        return keep;
    }

    private void send(ServerRequest request, Reply reply, boolean keepAlive) throws IOException {
        boolean http11 = request.version() == HttpVersion.HTTP_1_1;
        ResponseWriter.Framing framing = ResponseWriter.framingOf(reply.status(), reply.body(), http11);
        String connection = !keepAlive ? "close" : http11 ? null : "keep-alive";
        writer.send(reply, framing, Method.HEAD.equals(request.method()), connection);
        if (ctx.access.isLoggable(System.Logger.Level.INFO)) {
            ctx.access.log(System.Logger.Level.INFO, AccessLog.common(request, request.version().text(), null,
                    ZonedDateTime.now(), reply.status(), writer.bodyBytesSent));
        }
    }

    /** Answers a head the codec refused with its suggested status, then the connection closes. */
    private void reject(HttpParseException e) throws IOException {
        linger = true;
        if (e.violation() == HttpParseException.Violation.HTTP2_PREFACE) {
            ctx.log.log(System.Logger.Level.WARNING, "client " + transport.remoteAddress()
                    + " sent the HTTP/2 connection preface (PRI * HTTP/2.0); this server speaks HTTP/1.1 only"
                    + " (no h2c, no prior knowledge): answering 505 and closing");
        } else {
            ctx.log.log(System.Logger.Level.INFO, () -> "rejected request from " + transport.remoteAddress()
                    + " with " + e.suggestedStatus() + ": " + e.violation() + ": " + e.getMessage());
        }
        int status = e.suggestedStatus();
        writeClosing(status, status + " " + dev.courier.http.Status.of(status).reason() + ": " + e.getMessage());
    }

    private void rejectSlowHeader() throws IOException {
        ctx.log.log(System.Logger.Level.INFO, () -> "client " + transport.remoteAddress() + " did not send its header"
                + " section within headerTimeout=" + ctx.limits.headerTimeout() + ": answering 408 and closing");
        writeClosing(408, "408 Request Timeout: header section not complete within " + ctx.limits.headerTimeout().toMillis() + " ms");
    }

    private void sendError(RequestHead head, int status, String text) throws IOException {
        linger = true;
        writeClosing(status, text);
        if (ctx.access.isLoggable(System.Logger.Level.INFO)) {
            String line = head.method() + " " + head.target() + " " + head.version().text();
            ctx.access.log(System.Logger.Level.INFO, AccessLog.common(AccessLog.host(transport.remoteAddress()), null,
                    ZonedDateTime.now(), line, status, writer.bodyBytesSent));
        }
    }

    private void writeClosing(int status, String text) throws IOException {
        Reply reply = Reply.builder(status).contentType(Reply.TEXT_UTF8).body(text.getBytes(StandardCharsets.UTF_8)).build();
        writer.send(reply, ResponseWriter.Framing.LENGTH, false, "close");
    }

    /** Closes the connection now if it waits between requests; returns true if it did. */
    boolean closeIfIdle() {
        return closeIfIdleFor(0);
    }

    /**
     * Closes the connection now if it has waited between requests for at least {@code nanos};
     * returns true if it did. A connection idle only for a moment is left alone: its client is
     * likely sending the next request right now.
     */
    boolean closeIfIdleFor(long nanos) {
        if (nanos > 0 && System.nanoTime() - idleSinceNanos < nanos) {
            return false;
        }
        if (parked.get()) {
            return closeParked();
        }
        if (phase.compareAndSet(Phase.IDLE, Phase.CLOSED)) {
            transport.close();
            return true;
        }
        return false;
    }

    /** Closes the connection at once, whatever it is doing (stop after the grace period, watchdog). */
    void abort() {
        if (parked.get() && closeParked()) {
            return;
        }
        phase.set(Phase.CLOSED);
        transport.abort();
    }

    /** Closes and ends a parked connection, unless a worker took it first; returns true if it did. */
    private boolean closeParked() {
        if (!parked.compareAndSet(true, false)) {
            return false;
        }
        phase.set(Phase.CLOSED);
        transport.close();
        IdleParking parking = ctx.parking;
        if (parking != null) {
            parking.closedWhileParked();
        }
        onEnd.run();
        return true;
    }

    /**
     * Closes the connection. When client bytes may still be unread, first half-closes and reads
     * a bounded amount, so the kernel does not answer them with a reset that could destroy the
     * response before the client reads it (RFC 9112 §9.6).
     */
    private void close() {
        if (linger && phase.get() != Phase.CLOSED) {
            transport.shutdownOutput();
            byte[] scratch = new byte[8192];
            long end = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            int total = 0;
            try {
                // Bounded by bytes and time.
                while (total < LINGER_MAX_BYTES) {
                    int left = (int) ((end - System.nanoTime()) / 1_000_000);
                    if (left <= 0) {
                        break;
                    }
                    int n = transport.read(scratch, 0, scratch.length, left);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            } catch (IOException ignored) {
                // Timeout or reset: either way the connection is done.
            }
        }
        phase.set(Phase.CLOSED);
        transport.close();
    }
}
