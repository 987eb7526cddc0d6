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
 * blocking mode, so that file bodies and multipart file parts go out with
 * {@code FileChannel.transferTo}. Their reads and writes are bounded by the connection's
 * watchdog guard, armed by a field write before each blocking call: when the time is up the
 * watchdog thread shuts the socket down and closes it, which wakes a blocked read, write or
 * sendfile, and the call reports a timeout. (SO_TIMEOUT on a channel's socket adaptor would cost
 * four fcntl calls per read, and closing a channel alone does not wake a blocked transferTo.)
 * TLS connections are {@link javax.net.ssl.SSLSocket}s read with SO_TIMEOUT, as is the wait for
 * {@code 100 Continue}, whose expiry must not close the connection. The total deadline caps
 * every step's timeout with the time the call has left.
 *
 * <p>Failures are {@link dev.courier.client.TransportFailure}s whose kind the front door maps
 * to its public exception types.
 */
package dev.courier.client;
