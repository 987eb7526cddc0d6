package dev.courier.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link Router} and its groups share: routes, filters, error handlers. Written
 * while the router is configured, read-only once {@link #frozen}.
 */
final class RouterState {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    final RouteTable routes = new RouteTable();
    final ReverseRoutes names = new ReverseRoutes();
    final List<ScopedFilter<BeforeFilter>> before = new ArrayList<>();
    final List<ScopedFilter<AfterFilter>> after = new ArrayList<>();
    final Map<Class<?>, ExceptionHandler<?>> exceptionHandlers = new HashMap<>();
    final Map<Integer, StatusHandler> statusHandlers = new HashMap<>();
    /** Renders {@link Reply#render} replies; null until {@link Router#templates(TemplateEngine)}. */
    TemplateEngine templates;
    System.Logger logger = LOG;
    volatile boolean frozen;

    /** A filter and the path prefix it applies under (null: every request). */
    static final class ScopedFilter<F> {
        final RoutePattern scope;
        final F filter;

        ScopedFilter(RoutePattern scope, F filter) {
            this.scope = scope;
            this.filter = filter;
        }

        /** Returns true when the filter applies to a path of these decoded segments (null: undecodable). */
        boolean appliesTo(List<String> segments) {
            return scope == null || (segments != null && scope.isPrefixOf(segments));
        }
    }
}
