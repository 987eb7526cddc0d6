package dev.courier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import org.junit.jupiter.api.Test;

/** The client against Node's http module: a chunked response with trailers. */
class NodePeerTest {

    @Test
    void chunkedResponseWithTrailersFromNodeIsReadWithItsTrailers() throws Exception {
        try (PeerProcess node = PeerProcess.start("node", "trailers_server.js");
                Session s = Session.create()) {
            try (Response r = s.request(Method.GET, node.url("/")).stream(true).send()) {
                assertTrue(r.trailers().isEmpty(), "trailers come after the body");
                assertEquals("first chunk,second chunk", r.text());
                assertEquals("abc123", r.trailers().get("X-Checksum"));
            }
            assertEquals(1, s.idleConnections(), "the connection went back to the pool after the trailers");
            assertEquals("first chunk,second chunk", s.get(node.url("/")).text());
        }
    }
}
