package dev.courier.bench;

import dev.courier.wire.BodyDecoder;
import dev.courier.wire.HeadParser;
import dev.courier.wire.RequestHead;
import dev.courier.wire.ResponseHead;
import dev.courier.wire.WireLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses a realistic browser request head and a realistic response head (with a 1 KiB body) with
 * Courier's codec and with Netty's {@code HttpObjectDecoder} in the same run.
 *
 * <p>What each side does per operation (both reuse their parser and input buffer, as a
 * connection would, and hand the result to JMH so nothing is optimised away):
 * <ul>
 *   <li>{@code courierRequest}: the strict {@link HeadParser#forRequests} parser checks the
 *       method (token), request-target bytes and version, every field name (token) and value
 *       (no control characters), the Host rule (exactly one in HTTP/1.1) and the body framing
 *       (Content-Length / Transfer-Encoding), and builds a {@link RequestHead}: a Method constant,
 *       the target as a String, and {@code Headers} of Strings. Names of common fields and values
 *       from closed vocabularies ({@code Sec-Fetch-Mode: navigate}, {@code Connection: keep-alive})
 *       are shared constants; every other name and value is a new String.</li>
 *   <li>{@code nettyRequest}: the bytes go through {@code EmbeddedChannel.writeInbound} into an
 *       {@code HttpRequestDecoder} with default settings (names and values validated by its default
 *       headers factory); it builds a {@code DefaultHttpRequest} with {@code DefaultHttpHeaders}
 *       (a hash-indexed multimap of Strings) and an empty last content. It does not check the Host
 *       rule. The time includes Netty's pipeline dispatch and the channel's inbound queue, which a
 *       Netty server pays too but which are not parsing work.</li>
 *   <li>{@code nettyRequestDirect}: the same decoder's {@code decode} called directly with a
 *       reused output list: no pipeline, no queue. This isolates the decoder's own work and is
 *       the stricter comparison for Courier.</li>
 *   <li>{@code courierResponse}: the tolerant {@link HeadParser#forResponses} parser (same checks
 *       as for requests minus Host; bare LF and obs-fold would be accepted), the framing for a GET,
 *       and a {@link BodyDecoder} that hands the 1 KiB body out as a slice of the input (no
 *       copy).</li>
 *   <li>{@code nettyResponse} / {@code nettyResponseDirect}: an {@code HttpResponseDecoder} as
 *       above, producing a {@code DefaultHttpResponse} and a {@code DefaultLastHttpContent}
 *       holding a retained slice of the input (no copy), released after use.</li>
 * </ul>
 * Run it with {@code -prof gc} to see bytes allocated per operation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HeadParseBenchmark {

    /** What Chrome 130 sends for a navigation, cookies included. */
    static final String REQUEST = "GET /search?q=courier+http+client&hl=en HTTP/1.1\r\n"
            + "Host: www.example.com\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Chromium\";v=\"130\", \"Google Chrome\";v=\"130\", \"Not?A_Brand\";v=\"99\"\r\n"
            + "sec-ch-ua-mobile: ?0\r\n"
            + "sec-ch-ua-platform: \"Linux\"\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/130.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n"
            + "Sec-Fetch-Site: same-origin\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "Sec-Fetch-User: ?1\r\n"
            + "Sec-Fetch-Dest: document\r\n"
            + "Referer: https://www.example.com/\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\n"
            + "Cookie: session=8f2c1e9a7b6d4c3e; _ga=GA1.2.1234567890.1700000000; theme=dark\r\n"
            + "\r\n";

    static final int RESPONSE_BODY_LENGTH = 1024;

    /** What a typical nginx-fronted site answers for an HTML page. */
    static final String RESPONSE_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Server: nginx/1.24.0\r\n"
            + "Date: Wed, 25 Nov 2026 20:00:00 GMT\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + "Content-Length: " + RESPONSE_BODY_LENGTH + "\r\n"
            + "Connection: keep-alive\r\n"
            + "Cache-Control: private, max-age=0\r\n"
            + "ETag: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"\r\n"
            + "Last-Modified: Tue, 24 Nov 2026 08:12:31 GMT\r\n"
            + "Vary: Accept-Encoding\r\n"
            + "Strict-Transport-Security: max-age=63072000; includeSubDomains; preload\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + "X-Frame-Options: SAMEORIGIN\r\n"
            + "Content-Security-Policy: default-src 'self'; img-src 'self' data:\r\n"
            + "Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2027 07:28:00 GMT; Secure; HttpOnly\r\n"
            + "Accept-Ranges: bytes\r\n"
            + "\r\n";

    private ByteBuffer requestBytes;
    private ByteBuffer responseBytes;
    private HeadParser<RequestHead> courierRequests;
    private HeadParser<ResponseHead> courierResponses;

    private ByteBuf nettyRequestBytes;
    private ByteBuf nettyResponseBytes;
    private EmbeddedChannel nettyRequests;
    private EmbeddedChannel nettyResponses;

    private DirectRequestDecoder directRequestDecoder;
    private DirectResponseDecoder directResponseDecoder;
    private EmbeddedChannel directRequestChannel;
    private EmbeddedChannel directResponseChannel;
    private ChannelHandlerContext directRequestContext;
    private ChannelHandlerContext directResponseContext;
    private final List<Object> decoded = new ArrayList<>();

    @Setup
    public void setUp() {
        byte[] request = REQUEST.getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = RESPONSE_HEAD.getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = new byte[head.length + RESPONSE_BODY_LENGTH];
        System.arraycopy(head, 0, response, 0, head.length);
        for (int i = head.length; i < response.length; i++) {
            response[i] = (byte) ('a' + i % 26);
        }
        requestBytes = ByteBuffer.wrap(request);
        responseBytes = ByteBuffer.wrap(response);
        courierRequests = HeadParser.forRequests(WireLimits.defaults());
        courierResponses = HeadParser.forResponses(WireLimits.defaults());

        nettyRequestBytes = Unpooled.wrappedBuffer(request);
        nettyResponseBytes = Unpooled.wrappedBuffer(response);
        nettyRequests = new EmbeddedChannel(new HttpRequestDecoder());
        nettyResponses = new EmbeddedChannel(new HttpResponseDecoder());

        // The direct decoders sit in a channel only so that decode() gets a real context.
        directRequestDecoder = new DirectRequestDecoder();
        directResponseDecoder = new DirectResponseDecoder();
        directRequestChannel = new EmbeddedChannel(directRequestDecoder);
        directResponseChannel = new EmbeddedChannel(directResponseDecoder);
        directRequestContext = directRequestChannel.pipeline().context(directRequestDecoder);
        directResponseContext = directResponseChannel.pipeline().context(directResponseDecoder);
    }

    @TearDown
    public void tearDown() {
        nettyRequests.finishAndReleaseAll();
        nettyResponses.finishAndReleaseAll();
        directRequestChannel.finishAndReleaseAll();
        directResponseChannel.finishAndReleaseAll();
    }

    @Benchmark
    public RequestHead courierRequest() {
        requestBytes.clear();
        courierRequests.reset();
        return courierRequests.parse(requestBytes);
    }

    @Benchmark
    public void courierResponse(Blackhole bh) {
        responseBytes.clear();
        courierResponses.reset();
        ResponseHead head = courierResponses.parse(responseBytes);
        bh.consume(head);
        BodyDecoder body = BodyDecoder.forFraming(head.framing(dev.courier.http.Method.GET), false, WireLimits.defaults());
        bh.consume(body.decode(responseBytes));
        if (!body.isComplete()) {
            throw new AssertionError("body not complete");
        }
    }

    @Benchmark
    public void nettyRequest(Blackhole bh) {
        feed(nettyRequests, nettyRequestBytes, bh);
    }

    @Benchmark
    public void nettyResponse(Blackhole bh) {
        feed(nettyResponses, nettyResponseBytes, bh);
    }

    @Benchmark
    public void nettyRequestDirect(Blackhole bh) throws Exception {
        nettyRequestBytes.readerIndex(0);
        directRequestDecoder.decodeAll(directRequestContext, nettyRequestBytes, decoded);
        drain(decoded, bh);
    }

    @Benchmark
    public void nettyResponseDirect(Blackhole bh) throws Exception {
        nettyResponseBytes.readerIndex(0);
        directResponseDecoder.decodeAll(directResponseContext, nettyResponseBytes, decoded);
        drain(decoded, bh);
    }

    /** Consumes and releases what a direct decoder produced. */
    private static void drain(List<Object> out, Blackhole bh) {
        // Like the Courier side, which throws on a bad head and checks the body is complete.
        if (out.isEmpty() || !(out.get(out.size() - 1) instanceof LastHttpContent)
                || !((HttpObject) out.get(0)).decoderResult().isSuccess()) {
            throw new AssertionError("Netty did not decode one whole message: " + out);
        }
        for (int i = 0; i < out.size(); i++) {
            Object msg = out.get(i);
            bh.consume(msg);
            ReferenceCountUtil.release(msg);
        }
        out.clear();
    }

    /** An HttpRequestDecoder whose decode step the benchmark can call without a pipeline. */
    static final class DirectRequestDecoder extends HttpRequestDecoder {
        /** Calls decode until the input is used up or the decoder waits, as ByteToMessageDecoder does. */
        void decodeAll(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            while (in.isReadable()) {
                int before = in.readerIndex();
                decode(ctx, in, out);
                if (in.readerIndex() == before) {
                    break;
                }
            }
        }
    }

    /** An HttpResponseDecoder whose decode step the benchmark can call without a pipeline. */
    static final class DirectResponseDecoder extends HttpResponseDecoder {
        /** Calls decode until the input is used up or the decoder waits, as ByteToMessageDecoder does. */
        void decodeAll(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            while (in.isReadable()) {
                int before = in.readerIndex();
                decode(ctx, in, out);
                if (in.readerIndex() == before) {
                    break;
                }
            }
        }
    }

    /** Writes the whole message and drains every decoded object, releasing each. */
    private static void feed(EmbeddedChannel channel, ByteBuf bytes, Blackhole bh) {
        bytes.retain();
        bytes.readerIndex(0);
        channel.writeInbound(bytes);
        Object msg;
        int drained = 0;
        while ((msg = channel.readInbound()) != null) {
            bh.consume(msg);
            ReferenceCountUtil.release(msg);
            drained++;
        }
        if (drained == 0) {
            throw new AssertionError("Netty decoded nothing");
        }
    }
}
