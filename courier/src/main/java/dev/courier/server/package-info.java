/**
 * Courier's HTTP server side: the {@link dev.courier.server.Router} with path parameters,
 * filters and error handlers, the handler-facing {@link dev.courier.server.Request} and
 * {@link dev.courier.server.Reply} types, and {@link dev.courier.server.StaticFiles}.
 *
 * <p>Everything in this package apart from the connection loop is pure logic: a handler turns a
 * {@code Request} into a {@code Reply}, and the loop (which owns the sockets and the codec) only
 * has to write that reply out.
 */
package dev.courier.server;
