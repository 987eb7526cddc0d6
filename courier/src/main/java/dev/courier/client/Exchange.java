package dev.courier.client;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.wire.Framing;
import dev.courier.wire.HeadParser;
import dev.courier.wire.HttpParseException;
import dev.courier.wire.HttpVersion;
import dev.courier.wire.RequestHead;
import dev.courier.wire.ResponseHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One request and the head of its response on one connection, as a script:
 * <ol>
 *   <li>write the head (one buffered write with small bodies);</li>
 *   <li>with {@code Expect: 100-continue}, wait briefly for the interim answer;</li>
 *   <li>write the body in its framing (Content-Length or chunked);</li>
 *   <li>read the response head, skipping 1xx interim responses;</li>
 *   <li>decide the body framing and whether the connection can be reused.</li>
 * </ol>
 */
final class Exchange {

    /**
     * How long to wait for "100 Continue" before sending the body anyway: 1 s, as curl's
     * expect100-timeout default; RFC 9110 §10.1.1 lets a client go on without the answer.
     */
    static final int DEFAULT_CONTINUE_WAIT_MILLIS = 1000;

    private final Connection connection;
    private final ExchangeRequest request;
    private long bodyBytesSent;
    private boolean bodyComplete;

    Exchange(Connection connection, ExchangeRequest request) {
        this.connection = connection;
        this.request = request;
    }

    /** Returns the body bytes handed to the socket so far. */
    long bodyBytesSent() {
        return bodyBytesSent;
    }

    /** Sends the request and returns the response head; the body stays in the connection. */
    ResponseHead run() throws TransportFailure {
        writeHead();
        ResponseHead early = null;
        if (request.body() != null) {
            if (request.expectContinue()) {
                connection.flush();
                if (connection.awaitResponse(DEFAULT_CONTINUE_WAIT_MILLIS)) {
                    early = readHead();
                }
            }
            if (early == null || early.status() == 100) {
                writeBody();
                early = null;
            }
        }
        connection.flush();
        ResponseHead head = early != null ? early : readFinalHead();
        return head;
    }

    /** Returns true when the connection may carry another exchange after this response's body. */
    boolean reusable(ResponseHead head, Framing framing) {
        if (framing.kind() == Framing.Kind.UNTIL_CLOSE || (request.body() != null && !bodyComplete)) {
            return false;
        }
        if (request.headers().containsToken("Connection", "close") || head.headers().containsToken("Connection", "close")) {
            return false;
        }
        // HTTP/1.0 closes by default unless the server says keep-alive (RFC 9112 §9.3).
        return head.version() == HttpVersion.HTTP_1_1 || head.headers().containsToken("Connection", "keep-alive");
    }

    /** Returns the body framing of {@code head} as an answer to this request's method. */
    Framing framing(ResponseHead head) throws TransportFailure {
        try {
            return head.framing(request.method());
        } catch (HttpParseException e) {
            throw protocol(e);
        }
    }

    private void writeHead() throws TransportFailure {
        byte[] repeated = connection.repeatedHead(request);
        if (repeated != null) {
            connection.write(repeated, 0, repeated.length);
            return;
        }
        ProxySettings proxy = connection.forwardProxy();
        RequestHead head;
        if (proxy == null) {
            head = RequestHead.builder(request.method(), request.url().requestTarget()).headers(request.headers()).build();
        } else {
            // Through a proxy, plain http names the whole URL (RFC 9112 §3.2.2), Host still sent.
            dev.courier.http.Url url = request.url();
            Headers fields = request.headers();
            if (proxy.authorization() != null && !fields.contains("Proxy-Authorization")) {
                fields = fields.newBuilder().add("Proxy-Authorization", proxy.authorization()).build();
            }
            head = RequestHead.builder(request.method(), url.scheme() + "://" + url.hostHeader() + url.requestTarget())
                    .headers(fields).build();
        }
        ByteBuffer bytes = connection.headWriter().encode(head);
        connection.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        connection.sentHead(request, bytes);
    }

    private void writeBody() throws TransportFailure {
        OutgoingBody body = request.body();
        long length = body.length();
        try {
            if (length >= 0 && connection.canTransferFiles()) {
                OutgoingBody.ChannelWriter direct = body.channelWriter();
                if (direct != null) {
                    connection.writeThrough(direct);
                    bodyBytesSent = length;
                    bodyComplete = true;
                    return;
                }
                try (FileChannel file = body.openFile()) {
                    if (file != null) {
                        connection.transferFrom(file, 0, length);
                        bodyBytesSent = length;
                        bodyComplete = true;
                        return;
                    }
                }
            }
            BodySink sink = length >= 0 ? BodySink.fixed(connection, length) : BodySink.chunked(connection);
            body.writeTo(sink);
            sink.finish();
            bodyBytesSent = sink.bytesWritten();
            bodyComplete = true;
        } catch (TransportFailure e) {
            throw e;
        } catch (IOException e) {
            throw new TransportFailure(TransportFailure.Kind.CONNECTION_LOST, false,
                    "the request body could not be read: " + e.getMessage(), e);
        }
    }

    private ResponseHead readFinalHead() throws TransportFailure {
        while (true) {
            ResponseHead head = readHead();
            // 1xx are interim (RFC 9110 §15.2); 101 would switch protocols, which we never ask for.
            if (head.status() >= 200 || head.status() == 101) {
                return head;
            }
        }
    }

    private ResponseHead readHead() throws TransportFailure {
        HeadParser<ResponseHead> parser = connection.headParser();
        try {
            while (true) {
                ResponseHead head = parser.parse(connection.readBuffer());
                if (head != null) {
                    return head;
                }
                if (connection.fill() < 0) {
                    throw new TransportFailure(TransportFailure.Kind.CONNECTION_LOST, connection.responseStarted(),
                            connection.responseStarted()
                                    ? "the server closed the connection in the middle of the response head"
                                    : "the server closed the connection without sending a response", null);
                }
            }
        } catch (HttpParseException e) {
            throw protocol(e);
        }
    }

    private static TransportFailure protocol(HttpParseException e) {
        return new TransportFailure(TransportFailure.Kind.PROTOCOL, true,
                "invalid response: " + e.getMessage(), e);
    }

    /** Returns the method of the request, for body framing. */
    Method method() {
        return request.method();
    }
}
