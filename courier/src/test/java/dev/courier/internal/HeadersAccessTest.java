package dev.courier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.courier.http.Headers;
import org.junit.jupiter.api.Test;

class HeadersAccessTest {

    @Test
    void trustedHeadersReadLikeBuiltOnes() {
        Headers h = HeadersAccess.trusted(new String[] {"Host", "a", "Accept", "*/*"});
        assertEquals(Headers.of("Host", "a", "Accept", "*/*"), h);
        assertEquals("*/*", h.get("accept"));
        assertSame(Headers.empty(), HeadersAccess.trusted(new String[0]));
    }

    @Test
    void factoryCannotBeReplaced() {
        Headers.empty();
        assertThrows(IllegalStateException.class, () -> HeadersAccess.install(nv -> Headers.empty()));
    }
}
