package dev.courier;

import dev.courier.client.Deadline;
import dev.courier.client.RedirectRules;
import dev.courier.client.Transport;
import dev.courier.client.TransportFailure;
import dev.courier.cookie.CookieJar;
import dev.courier.http.Status;
import dev.courier.wire.ResponseHead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@link Session#send}: prepare, send, store cookies, and follow redirects until a
 * final response, all within one total deadline.
 */
final class Call {

    private final Session session;
    private final Request request;
    private final Deadline deadline;
    private final List<Response> history = new ArrayList<>();

    Call(Session session, Request request) {
        this.session = session;
        this.request = request;
        this.deadline = Deadline.after(session.deadline());
    }

    Response execute() {
        Hop hop = Hop.prepare(session, request);
        boolean follow = request.followRedirects() != null ? request.followRedirects() : session.followRedirects();
        while (true) {
            Response response = sendOne(hop);
            String location = follow && RedirectRules.isRedirect(response.statusCode()) ? response.header("Location") : null;
            if (location == null) {
                if (!request.isStream()) {
                    response.buffer();
                }
                return response;
            }
            // Read the redirect's own body so its connection can be reused (requests does too).
            response.buffer();
            if (history.size() >= session.maxRedirects()) {
                history.add(response);
                throw new TooManyRedirectsException("exceeded " + session.maxRedirects() + " redirects (last: "
                        + response.statusCode() + " to " + location + "); raise Session.builder().maxRedirects(...)",
                        request, response, history);
            }
            history.add(response);
            hop = hop.redirect(response.statusCode(), location, request, response);
        }
    }

    private Response sendOne(Hop hop) {
        CookieJar jar = session.cookies();
        Response last = history.isEmpty() ? null : history.get(history.size() - 1);
        long start = System.nanoTime();
        Transport.Result result;
        try {
            result = session.transport().execute(hop.toExchange(session, jar, request), deadline);
        } catch (TransportFailure f) {
            throw Failures.translate(f, request, last);
        }
        ResponseHead head = result.head();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (jar != null && head.headers().contains("Set-Cookie")) {
            // Cookies of every hop, redirects included, go into the jar (RFC 6265 §5.3).
            jar.store(hop.uri(), head.headers());
        }
        return new Response(request, Status.of(head.status()), head.reason(), head.version().text(), head.headers(),
                hop.url.toString(), history, elapsed, result.body());
    }
}
