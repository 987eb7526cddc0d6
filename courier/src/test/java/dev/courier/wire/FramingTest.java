package dev.courier.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import org.junit.jupiter.api.Test;

class FramingTest {

    private static ResponseHead response(int status, String... headers) {
        return ResponseHead.builder(status, "").headers(Headers.of(headers)).build();
    }

    @Test
    void responsesToHeadHaveNoBody() {
        assertEquals(Framing.NONE, response(200, "Content-Length", "10").framing(Method.HEAD));
        assertEquals(Framing.NONE, response(200, "Transfer-Encoding", "chunked").framing(Method.HEAD));
    }

    @Test
    void informationalNoContentAndNotModifiedHaveNoBody() {
        assertEquals(Framing.NONE, response(100).framing(Method.GET));
        assertEquals(Framing.NONE, response(101).framing(Method.GET));
        assertEquals(Framing.NONE, response(204, "Content-Length", "10").framing(Method.GET));
        assertEquals(Framing.NONE, response(304, "Content-Length", "10").framing(Method.GET));
    }

    @Test
    void successfulConnectHasNoBodyButAFailedOneDoes() {
        assertEquals(Framing.NONE, response(200).framing(Method.CONNECT));
        assertEquals(Framing.contentLength(5), response(407, "Content-Length", "5").framing(Method.CONNECT));
    }

    @Test
    void responsesWithoutLengthAreReadUntilClose() {
        assertEquals(Framing.UNTIL_CLOSE, response(200).framing(Method.GET));
        assertEquals(Framing.UNTIL_CLOSE, response(200).framing(null));
    }

    @Test
    void responsesUseChunkedOrContentLength() {
        assertEquals(Framing.CHUNKED, response(200, "Transfer-Encoding", "chunked").framing(Method.POST));
        assertEquals(Framing.contentLength(0), response(200, "Content-Length", "0").framing(Method.GET));
        assertFalse(Framing.contentLength(0).hasBody());
        assertTrue(Framing.CHUNKED.hasBody());
    }

    @Test
    void requestsWithoutLengthHaveNoBody() {
        RequestHead h = RequestHead.builder(Method.POST, "/").headers(Headers.of("Host", "a")).build();
        assertEquals(Framing.NONE, h.framing());
        assertFalse(h.framing().hasBody());
    }

    @Test
    void builtHeadsWithAmbiguousLengthFailWhenFramed() {
        RequestHead h = RequestHead.builder(Method.POST, "/")
                .headers(Headers.of("Content-Length", "1", "Transfer-Encoding", "chunked")).build();
        HttpParseException e = assertThrows(HttpParseException.class, h::framing);
        assertEquals(HttpParseException.Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, e.violation());
        assertThrows(HttpParseException.class,
                () -> response(200, "Content-Length", "1, 2").framing(Method.GET));
    }

    @Test
    void describesItself() {
        assertEquals("CONTENT_LENGTH(42)", Framing.contentLength(42).toString());
        assertEquals("CHUNKED", Framing.CHUNKED.toString());
        assertEquals(Framing.contentLength(42), Framing.contentLength(42));
    }
}
