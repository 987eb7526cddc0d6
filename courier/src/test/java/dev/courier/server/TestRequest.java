package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.nio.charset.StandardCharsets;

/** Factories of in-memory requests for tests, the way a connection loop would hand one to a handler. */
final class TestRequest extends InMemoryRequest {

    private TestRequest(Method method, String target, Headers headers, byte[] body) {
        super(method, target, headers, body, Long.MAX_VALUE);
    }

    static TestRequest of(Method method, String target) {
        return new TestRequest(method, target, Headers.empty(), new byte[0]);
    }

    static TestRequest get(String target) {
        return of(Method.GET, target);
    }

    static TestRequest of(Method method, String target, Headers headers, String body) {
        return new TestRequest(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static TestRequest withBody(Method method, String target, Headers headers, byte[] body) {
        return new TestRequest(method, target, headers, body);
    }
}
