package dev.courier.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/**
 * The platform fact the transport relies on: a blocking {@link SocketChannel}'s socket adaptor
 * stream honours SO_TIMEOUT (JDK 13+ reimplemented the adaptor; on JDK 17 it holds), so plain
 * connections can keep their channel for sendfile and still time out reads.
 */
class SocketTimeoutsTest {

    @Test
    void socketAdaptorStreamOfABlockingChannelHonoursSoTimeout() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        ss.getLocalPort()));
                Socket peer = ss.accept()) {
            ch.socket().setSoTimeout(150);
            InputStream in = ch.socket().getInputStream();
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, in::read);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 100 && ms < 2000, "timed out after " + ms + " ms");
            peer.getOutputStream().write(7);
            assertTrue(in.read() == 7, "the channel stays usable after a timeout");
        }
    }
}
