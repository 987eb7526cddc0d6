/**
 * The machinery behind {@code Session} (internal, not exported): connections, the keep-alive
 * pool, TLS, redirect rules, timeouts. It drives the sans-IO codec of {@code dev.courier.wire};
 * nothing here parses HTTP by hand.
 *
 * <p>One exchange: {@link dev.courier.client.Transport} takes an idle
 * {@link dev.courier.client.Connection} from the pool or has the Connector open one (TCP with a
 * connect timeout, then TLS with host name verification), writes the head and body, reads the
 * response head, and returns a {@link dev.courier.client.ResponseBodyStream} that gives the
 * connection back to the pool once the body has been read to its end.
 *
 * <p>Sockets and timeouts. Plain connections are {@link java.nio.channels.SocketChannel}s in
 * blocking mode, so that file bodies can go out with {@code FileChannel.transferTo}; they are
 * read through the channel's socket adaptor, whose input stream honours SO_TIMEOUT on JDK 17
 * (the channel's own {@code read} would not). TLS connections are {@link javax.net.ssl.SSLSocket}s.
 * The read timeout bounds each wait for bytes; no socket API bounds a write, so a write that
 * blocks longer than the write timeout has its socket closed by a watchdog timer. The total
 * deadline caps every step's timeout with the time the call has left.
 *
 * <p>Failures are {@link dev.courier.client.TransportFailure}s whose kind the front door maps
 * to its public exception types.
 */
package dev.courier.client;
