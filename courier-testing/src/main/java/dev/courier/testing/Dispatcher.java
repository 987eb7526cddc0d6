package dev.courier.testing;

/**
 * Chooses the response to each request a {@link MockServer} receives, instead of its queue.
 *
 * <pre>{@code
 * server.dispatcher(req -> req.path().equals("/health") ? MockResponse.text("ok") : MockResponse.status(404));
 * }</pre>
 */
@FunctionalInterface
public interface Dispatcher {

    /**
     * Returns the response to {@code request}; never null.
     *
     * @throws Exception anything; the server then answers 500 with the message
     */
    MockResponse dispatch(RecordedRequest request) throws Exception;
}
