package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

/** Reading replies in tests. */
final class Replies {

    private Replies() {
    }

    /** Returns the body of {@code reply} as UTF-8 text; fails unless it is a bytes body. */
    static String text(Reply reply) {
        assertTrue(reply.body() instanceof ReplyBody.Bytes, () -> "expected a bytes body, got " + reply.body());
        return new String(((ReplyBody.Bytes) reply.body()).bytes(), StandardCharsets.UTF_8);
    }
}
