/**
 * Courier's HTTP server: {@link dev.courier.server.HttpServer} (sockets, TLS, keep-alive,
 * limits, graceful stop), the {@link dev.courier.server.Router} with path parameters, filters
 * and error handlers, the handler-facing {@link dev.courier.server.Request} and
 * {@link dev.courier.server.Reply} types, {@link dev.courier.server.Form} and
 * {@link dev.courier.server.StaticFiles}.
 *
 * <p>The handler side is pure logic: a handler turns a {@code Request} into a {@code Reply}.
 * The connection loop owns the sockets and drives the sans-IO codec of {@code dev.courier.wire}
 * (it parses nothing itself): per request it reads the head, validates what the codec leaves to
 * a server ({@code Expect}, body size), dispatches, decides whether the connection can carry
 * another request, and writes the reply with {@code Date} and framing added. Whenever the end of
 * a message is in doubt the connection is closed, so a second request is never read from an
 * ambiguous stream.
 */
package dev.courier.server;
