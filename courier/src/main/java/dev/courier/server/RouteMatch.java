package dev.courier.server;

import dev.courier.http.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the route table found for a method and path: a route with its parameters, 404 or 405. */
final class RouteMatch {

    enum Outcome { FOUND, NOT_FOUND, METHOD_NOT_ALLOWED }

    private static final RouteMatch NOT_FOUND = new RouteMatch(Outcome.NOT_FOUND, null, Map.of(), List.of());

    /** The order of {@code Allow}: the usual methods first, any others after them by name. */
    private static final List<Method> CANONICAL = List.of(
            Method.GET, Method.HEAD, Method.POST, Method.PUT, Method.PATCH, Method.DELETE, Method.OPTIONS);

    private final Outcome outcome;
    private final RouteTable.Route route;
    private final Map<String, String> params;
    private final List<Method> allowed;

    private RouteMatch(Outcome outcome, RouteTable.Route route, Map<String, String> params, List<Method> allowed) {
        this.outcome = outcome;
        this.route = route;
        this.params = params;
        this.allowed = allowed;
    }

    static RouteMatch found(RouteTable.Route route, Map<String, String> params) {
        return new RouteMatch(Outcome.FOUND, route, params, List.of());
    }

    static RouteMatch notFound() {
        return NOT_FOUND;
    }

    static RouteMatch methodNotAllowed(Set<Method> methods) {
        return new RouteMatch(Outcome.METHOD_NOT_ALLOWED, null, Map.of(), allowOrder(methods));
    }

    /**
     * Returns {@code methods} plus the implied HEAD (with GET) and OPTIONS (always answered), in
     * the order GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, then others by name.
     */
    static List<Method> allowOrder(Set<Method> methods) {
        List<Method> out = new ArrayList<>();
        for (Method m : CANONICAL) {
            if (methods.contains(m) || (m.equals(Method.HEAD) && methods.contains(Method.GET))
                    || m.equals(Method.OPTIONS)) {
                out.add(m);
            }
        }
        List<Method> others = new ArrayList<>();
        for (Method m : methods) {
            if (!CANONICAL.contains(m)) {
                others.add(m);
            }
        }
        others.sort(Comparator.comparing(Method::name));
        out.addAll(others);
        return List.copyOf(out);
    }

    /** Returns the {@code Allow} value for {@code methods}, e.g. {@code GET, HEAD, OPTIONS}. */
    static String allowHeader(List<Method> methods) {
        StringBuilder sb = new StringBuilder();
        for (Method m : methods) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(m.name());
        }
        return sb.toString();
    }

    Outcome outcome() {
        return outcome;
    }

    /** Returns the matched route; only for FOUND. */
    RouteTable.Route route() {
        return route;
    }

    /** Returns the decoded path parameters; empty unless FOUND. */
    Map<String, String> params() {
        return params;
    }

    /** Returns the methods for {@code Allow}; only for METHOD_NOT_ALLOWED. */
    List<Method> allowed() {
        return allowed;
    }

    @Override
    public String toString() {
        switch (outcome) {
            case FOUND:
                return "found " + route + " " + params;
            case METHOD_NOT_ALLOWED:
                return "405 allow " + allowHeader(allowed);
            default:
                return "404";
        }
    }
}
