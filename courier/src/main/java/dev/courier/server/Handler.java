package dev.courier.server;

/**
 * Turns one request into one reply: the unit the server and the {@link Router} dispatch to.
 *
 * <pre>{@code
 * Handler hello = req -> Reply.text("Hello, " + req.pathParam("name"));
 * }</pre>
 *
 * <p>A handler may throw: the router maps the exception to a reply through its error handlers
 * (see {@link Router#exception}), and an unhandled one becomes a 500 whose body holds no stack
 * trace. Throw {@link AbortException} to answer with a specific status, e.g. 400.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Returns the reply to {@code request}; never null.
     *
     * @throws Exception anything; the router turns it into an error reply
     */
    Reply handle(Request request) throws Exception;
}
