package dev.courier.server;

import dev.courier.http.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The work of a {@link Router} for one request, in the order its class comment gives: decode,
 * match, before filters, handler or 404/405/OPTIONS, exception mapping, after filters.
 */
final class Dispatch {

    private final RouterState state;
    private Request request;
    private List<String> segments;

    Dispatch(RouterState state, Request request) {
        this.state = state;
        this.request = request;
    }

    Reply run() {
        Reply reply;
        try {
            reply = render(beforeAndHandle());
        } catch (Exception e) {
            reply = onException(e);
        }
        for (RouterState.ScopedFilter<AfterFilter> f : state.after) {
            if (f.appliesTo(segments)) {
                try {
                    reply = render(nonNull(f.filter.after(request, reply), "after filter"));
                } catch (Exception e) {
                    reply = onException(e);
                }
            }
        }
        return reply;
    }

    private Reply beforeAndHandle() throws Exception {
        if ("*".equals(request.path())) {
            return asterisk();
        }
        segments = PathSegments.decode(request.path());
        RouteMatch match = state.routes.match(request.method(), segments);
        if (!match.params().isEmpty()) {
            request = new RoutedRequest(request, match.params());
        }
        for (RouterState.ScopedFilter<BeforeFilter> f : state.before) {
            if (f.appliesTo(segments)) {
                Reply r = f.filter.before(request);
                if (r != null) {
                    return r;
                }
            }
        }
        switch (match.outcome()) {
            case FOUND:
                Reply reply = match.route().handler.handle(request);
                // The message is built only for a null reply: concatenating it on every request cost a
                // string per request (seen in a profile).
                return reply != null ? reply : nonNull(null, "handler of " + match.route());
            case METHOD_NOT_ALLOWED:
                String allow = RouteMatch.allowHeader(match.allowed());
                if (Method.OPTIONS.equals(request.method())) {
                    return Reply.builder(204).header("Allow", allow).build();
                }
                return errorReply(Reply.builder(405).header("Allow", allow)
                        .contentType(Reply.TEXT_UTF8)
                        .body(bytes("405 Method Not Allowed: " + request.method() + " is not one of " + allow))
                        .build());
            default:
                return errorReply(Reply.builder(404).contentType(Reply.TEXT_UTF8)
                        .body(bytes("404 Not Found")).build());
        }
    }

    /** {@code OPTIONS *} asks about the server as a whole (RFC 9110 §9.3.7). */
    private Reply asterisk() {
        if (Method.OPTIONS.equals(request.method())) {
            String allow = RouteMatch.allowHeader(RouteMatch.allowOrder(state.routes.methods()));
            return Reply.builder(204).header("Allow", allow).build();
        }
        throw new AbortException(400, "the target '*' is only valid with OPTIONS, got " + request.method());
    }

    private Reply onException(Exception e) {
        ExceptionHandler<?> handler = findHandler(e);
        if (handler != null) {
            try {
                return render(nonNull(call(handler, e), "exception handler for " + e.getClass().getName()));
            } catch (Exception second) {
                second.addSuppressed(e);
                log(second, "exception handler failed");
                return internalError();
            }
        }
        if (e instanceof AbortException) {
            AbortException h = (AbortException) e;
            String message = h.getMessage() == null ? "" : h.getMessage();
            return errorReply(Reply.builder(h.status()).contentType(Reply.TEXT_UTF8)
                    .body(bytes(h.status() + " " + message)).build());
        }
        RenderException failure = RenderFailure.find(e);
        if (failure != null) {
            log(e, RenderFailure.logLine(failure));
            TemplateEngine engine = state.templates;
            // Development pages skip the 500 status handler: a custom error page would hide the fault.
            return engine != null && engine.development() ? RenderFailure.developmentPage(failure)
                    : errorReply(internalError());
        }
        log(e, "handler failed");
        return errorReply(internalError());
    }

    private ExceptionHandler<?> findHandler(Exception e) {
        Class<?> stop = e instanceof AbortException ? AbortException.class : Object.class;
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            ExceptionHandler<?> h = state.exceptionHandlers.get(c);
            if (h != null) {
                return h;
            }
            if (c == stop) {
                break;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Reply call(ExceptionHandler<?> handler, Exception e) throws Exception {
        // Safe: the handler was registered for e's class or a superclass of it.
        return ((ExceptionHandler<Exception>) handler).handle(request, e);
    }

    private Reply errorReply(Reply reply) {
        StatusHandler h = state.statusHandlers.get(reply.status());
        if (h == null) {
            return reply;
        }
        try {
            return render(nonNull(h.handle(request, reply), "status handler for " + reply.status()));
        } catch (Exception e) {
            log(e, "status handler for " + reply.status() + " failed; sending the default reply");
            return reply;
        }
    }

    /**
     * Returns {@code reply} with a {@link Reply#render} body rendered for the current request,
     * and its content type set unless the reply has one; any other reply as it is.
     *
     * @throws IllegalStateException when the router has no template engine
     * @throws RuntimeException what the engine throws, usually a {@link RenderException}
     */
    private Reply render(Reply reply) {
        if (!(reply.body() instanceof ReplyBody.Template)) {
            return reply;
        }
        ReplyBody.Template t = (ReplyBody.Template) reply.body();
        TemplateEngine engine = state.templates;
        if (engine == null) {
            throw new IllegalStateException("Reply.render(" + Escape.quote(t.name()) + ", ...) needs a template engine:"
                    + " call router.templates(engine) before serving, e.g. with PebbleTemplates from courier-templates");
        }
        Reply.Builder b = reply.newBuilder().body(bytes(engine.render(request, t.name(), t.model())));
        if (reply.header("Content-Type") == null) {
            b.contentType(engine.contentType(t.name()));
        }
        return b.build();
    }

    private void log(Exception e, String what) {
        state.logger.log(System.Logger.Level.ERROR, request.method() + " " + Escape.quote(request.path()) + ": " + what, e);
    }

    static Reply internalError() {
        return Reply.builder(500).contentType(Reply.TEXT_UTF8).body(bytes("500 Internal Server Error")).build();
    }

    static Reply nonNull(Reply reply, String who) {
        if (reply == null) {
            throw new IllegalStateException(who + " returned null; return a Reply (for no content, Reply.noContent())");
        }
        return reply;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
