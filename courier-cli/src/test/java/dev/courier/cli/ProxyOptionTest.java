package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code --proxy PROTOCOL:URL}, HTTPie's option, against a scripted proxy on loopback. */
class ProxyOptionTest {

    /** A proxy that records each request line and answers "from the proxy", one request per connection. */
    private static final class RecordingProxy implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "recording-proxy");

        RecordingProxy() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                    lines.add(in.readLine());
                    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                        // skip the rest of the head
                    }
                    OutputStream out = c.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 14\r\nConnection: close\r\n\r\nfrom the proxy"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void requestsOfTheNamedProtocolGoThroughTheProxy() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy();
                HttpServer direct = HttpServer.builder().host("127.0.0.1").port(0)
                        .get("/", req -> Reply.text("direct")).start()) {
            Cli.Result viaProxy = Cli.run("-I", "--proxy", "http:http://127.0.0.1:" + proxy.port(), "http://example.test/x?y=1");
            assertEquals("from the proxy", viaProxy.text(), viaProxy.err());
            assertEquals(List.of("GET http://example.test/x?y=1 HTTP/1.1"), proxy.lines);

            // A proxy for https only leaves an http URL alone.
            Cli.Result notProxied = Cli.run("-I", "--proxy", "https:http://127.0.0.1:" + proxy.port(),
                    "http://127.0.0.1:" + direct.port() + "/");
            assertEquals("direct", notProxied.text(), notProxied.err());
            assertEquals(1, proxy.lines.size());
        }
    }

    @Test
    void aMalformedProxyIsAClearError() {
        Cli.Result noProtocol = Cli.run("-I", "--proxy", "ftp:http://127.0.0.1:9", "http://example.test/");
        assertEquals(1, noProtocol.status());
        assertTrue(noProtocol.err().contains("--proxy must be PROTOCOL:URL with PROTOCOL http or https"), noProtocol.err());
        Cli.Result socks = Cli.run("-I", "--proxy", "http:socks5://127.0.0.1:9", "http://example.test/");
        assertEquals(1, socks.status());
        assertTrue(socks.err().contains("--proxy: proxy URL \"socks5://...\" is not supported"), socks.err());
    }
}
