package dev.courier.server;

/**
 * Replaces an error reply that the router produced itself, chosen by its status: a custom 404
 * page, a JSON 405, a branded 500.
 *
 * <pre>{@code
 * router.status(404, (req, reply) -> Reply.html("<h1>Nothing here</h1>").withStatus(404));
 * }</pre>
 *
 * <p>It sees the router's own replies only: no matching route (404), wrong method (405), an
 * {@link AbortException}, an unhandled exception (500) and a path that cannot be decoded
 * (400). A reply that a handler returns on purpose, whatever its status, is sent as it is.
 */
@FunctionalInterface
public interface StatusHandler {

    /**
     * Returns the reply to send instead of {@code reply}; never null.
     *
     * @throws Exception anything; the router then sends the original {@code reply} and logs it
     */
    Reply handle(Request request, Reply reply) throws Exception;
}
