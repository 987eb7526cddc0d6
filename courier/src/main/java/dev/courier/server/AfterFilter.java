package dev.courier.server;

/**
 * Runs after the reply is known and returns the reply to send, e.g. with CORS headers added or
 * after logging it (like Flask's {@code after_request}).
 *
 * <pre>{@code
 * router.after((req, reply) -> reply.withHeader("Access-Control-Allow-Origin", "*"));
 * }</pre>
 */
@FunctionalInterface
public interface AfterFilter {

    /**
     * Returns the reply to send: {@code reply} itself or a changed copy; never null.
     *
     * @throws Exception anything; handled like an exception thrown by a handler, and the
     *     remaining after filters then see the error reply
     */
    Reply after(Request request, Reply reply) throws Exception;
}
