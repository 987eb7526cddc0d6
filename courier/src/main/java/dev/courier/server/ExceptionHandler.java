package dev.courier.server;

/**
 * Turns an exception of type {@code T}, thrown by a handler or filter, into a reply.
 *
 * <pre>{@code
 * router.exception(NoSuchElementException.class, (req, e) -> Reply.status(404));
 * }</pre>
 *
 * @param <T> the exception type handled
 */
@FunctionalInterface
public interface ExceptionHandler<T extends Exception> {

    /**
     * Returns the reply for {@code error}; never null.
     *
     * @throws Exception anything; the router then answers with a plain 500 and logs both
     */
    Reply handle(Request request, T error) throws Exception;
}
