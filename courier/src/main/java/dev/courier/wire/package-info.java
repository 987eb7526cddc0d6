/**
 * HTTP/1.1 as a sans-IO codec: bytes in, heads and body slices out, never a socket or stream.
 *
 * <p>Client and server both drive it. A server reading one request:
 * <ol>
 *   <li>{@link dev.courier.wire.HeadParser#forRequests} once per connection; feed
 *       {@code parse(buffer)} until it returns a {@link dev.courier.wire.RequestHead}.</li>
 *   <li>{@link dev.courier.wire.RequestHead#framing()} says how the body is delimited;
 *       {@link dev.courier.wire.BodyDecoder#forFraming} reads it from the same buffer.</li>
 *   <li>Optionally undo {@code Content-Encoding} with a {@link dev.courier.wire.ContentDecoder}.</li>
 *   <li>Write the answer with {@link dev.courier.wire.HeadWriter} and, for streamed bodies,
 *       {@link dev.courier.wire.ChunkedEncoder}.</li>
 *   <li>{@code reset()} the parser; what is left in the buffer is the next pipelined request.</li>
 * </ol>
 * A client does the same with {@link dev.courier.wire.HeadParser#forResponses} and
 * {@link dev.courier.wire.ResponseHead#framing(dev.courier.http.Method)}.
 *
 * <p>Requests are parsed strictly and responses tolerantly (see {@link dev.courier.wire.HeadParser}),
 * but an ambiguous body length is refused in both directions. Every size is bounded by
 * {@link dev.courier.wire.WireLimits}; every refusal is an
 * {@link dev.courier.wire.HttpParseException} naming the rule, the offset and the status a
 * server should send. The package is internal (not exported): its classes are public for the
 * client and server packages and for benchmarks, not as API.
 *
 * <p>The head parsers are the hot path (measured by {@code HeadParseBenchmark} in
 * {@code courier-bench}). A line that arrives whole in a heap buffer is parsed where it lies;
 * one eight-bytes-at-a-time scan ({@code ByteScan}) finds its end and proves it free of control
 * bytes, so values need no second check; common field names and values from closed
 * vocabularies are shared Strings; and the checked fields become {@link dev.courier.http.Headers}
 * through the non-exported {@code dev.courier.internal.HeadersAccess}, without the builder
 * validating them again. Lines split across reads take the copying path with per-byte checks;
 * the split-feeding tests hold both paths to the same verdicts, offsets and messages.
 */
package dev.courier.wire;
