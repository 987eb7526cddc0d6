package dev.courier.server;

/**
 * Runs before the route's handler and may answer in its place, e.g. to refuse a request that
 * lacks credentials (like Flask's {@code before_request}).
 *
 * <pre>{@code
 * router.before("/admin", req ->
 *     req.header("Authorization") == null ? Reply.status(401) : null);
 * }</pre>
 */
@FunctionalInterface
public interface BeforeFilter {

    /**
     * Returns null to let the request go on to the next filter and the handler, or a reply to
     * send instead (later before filters and the handler are then skipped; after filters still
     * run).
     *
     * @throws Exception anything; handled like an exception thrown by a handler
     */
    Reply before(Request request) throws Exception;
}
