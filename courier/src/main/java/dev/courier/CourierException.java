package dev.courier;

import java.util.Optional;

/**
 * The base of every exception a call can throw; unchecked, like the rest of the front door.
 * Carries the request that failed and, when one had arrived, the response.
 *
 * <pre>{@code
 * try {
 *     Courier.get("https://example.com/missing").raiseForStatus();
 * } catch (HttpStatusException e) {
 *     e.response().get().status();   // Status 404 Not Found
 * } catch (CourierException e) {
 *     e.request().url();             // what we tried
 * }
 * }</pre>
 */
public class CourierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Request request;
    private final transient Response response;

    CourierException(String message, Throwable cause, Request request, Response response) {
        super(message, cause);
        this.request = request;
        this.response = response;
    }

    /** Returns the request that failed (for redirects: the first request of the call). */
    public Request request() {
        return request;
    }

    /** Returns the response that came with the failure, or empty when none had arrived. */
    public Optional<Response> response() {
        return Optional.ofNullable(response);
    }
}
