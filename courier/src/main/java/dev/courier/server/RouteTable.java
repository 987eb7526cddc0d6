package dev.courier.server;

import dev.courier.http.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of a {@link Router} as a tree of path segments, and the search that picks one.
 *
 * <p><b>Precedence.</b> Segments are compared from the left; at each one a literal child is
 * tried first, then a parameter, then a catch-all ending here, and the search backtracks when a
 * branch has no route for the path. So {@code /users/me} beats {@code /users/{id}} beats
 * {@code /users/{rest...}} whatever order they were registered in, and at the first segment
 * where two patterns differ the literal wins ({@code /a/{x}/c} before {@code /{y}/b/c} for
 * {@code /a/b/c}). The method is part of the search: the first pattern in that order that has a
 * route for the method wins, so {@code GET /users/me} reaches {@code GET /users/{id}} when
 * {@code /users/me} only has POST. When some pattern matches the path but none has the method,
 * the outcome is 405 with the union of their methods.
 *
 * <p>Two patterns with the same shape (same literals, parameters in the same places, whatever
 * their names) and a common method are a conflict, refused when the second is added.
 */
final class RouteTable {

    /** One registered route. */
    static final class Route {
        final Method method;
        final RoutePattern pattern;
        final Handler handler;

        Route(Method method, RoutePattern pattern, Handler handler) {
            this.method = method;
            this.pattern = pattern;
            this.handler = handler;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node param;
        /** Routes whose pattern ends at this node, by method. */
        final Map<Method, Route> routes = new LinkedHashMap<>();
        /** Routes whose pattern has a catch-all right after this node, by method. */
        final Map<Method, Route> catchAlls = new LinkedHashMap<>();
    }

    private final Node root = new Node();
    private final Set<Method> methods = new LinkedHashSet<>();

    /**
     * Adds {@code route}.
     *
     * @throws IllegalArgumentException if a route of the same shape and method exists, naming
     *     both patterns
     */
    void add(Route route) {
        RoutePattern p = route.pattern;
        Node node = root;
        int last = p.endsWithCatchAll() ? p.size() - 1 : p.size();
        for (int i = 0; i < last; i++) {
            if (p.kind(i) == RoutePattern.Kind.LITERAL) {
                node = node.literals.computeIfAbsent(p.value(i), k -> new Node());
            } else {
                if (node.param == null) {
                    node.param = new Node();
                }
                node = node.param;
            }
        }
        Map<Method, Route> table = p.endsWithCatchAll() ? node.catchAlls : node.routes;
        Route existing = table.get(route.method);
        if (existing != null) {
            throw new IllegalArgumentException("route " + route + " conflicts with " + existing
                    + ", registered earlier: both match exactly the same requests; remove one or make"
                    + " a segment literal");
        }
        table.put(route.method, route);
        methods.add(route.method);
    }

    /** Returns every method that some route answers, in registration order. */
    Set<Method> methods() {
        return Collections.unmodifiableSet(methods);
    }

    /**
     * Returns the route for {@code method} and the decoded {@code segments}, or the 404 / 405
     * outcome; HEAD falls back to GET routes.
     */
    RouteMatch match(Method method, List<String> segments) {
        Set<Method> allowed = new LinkedHashSet<>();
        Route route = search(root, segments, 0, method, allowed);
        if (route != null) {
            return RouteMatch.found(route, params(route.pattern, segments));
        }
        return allowed.isEmpty() ? RouteMatch.notFound() : RouteMatch.methodNotAllowed(allowed);
    }

    private static Route search(Node node, List<String> segments, int i, Method method, Set<Method> allowed) {
        if (i == segments.size()) {
            return pick(node.routes, method, allowed);
        }
        String seg = segments.get(i);
        Node literal = node.literals.get(seg);
        if (literal != null) {
            Route r = search(literal, segments, i + 1, method, allowed);
            if (r != null) {
                return r;
            }
        }
        // A parameter stands for one non-empty segment: /users/ does not give id="".
        if (node.param != null && !seg.isEmpty()) {
            Route r = search(node.param, segments, i + 1, method, allowed);
            if (r != null) {
                return r;
            }
        }
        return pick(node.catchAlls, method, allowed);
    }

    private static Route pick(Map<Method, Route> table, Method method, Set<Method> allowed) {
        if (table.isEmpty()) {
            return null;
        }
        allowed.addAll(table.keySet());
        Route r = table.get(method);
        if (r == null && Method.HEAD.equals(method)) {
            r = table.get(Method.GET); // RFC 9110 §9.3.2: HEAD is GET without the content
        }
        return r;
    }

    /** Returns {@code segments} from {@code from} on, joined by '/' (one segment: itself, no copy). */
    private static String joinFrom(List<String> segments, int from) {
        int n = segments.size();
        if (n - from == 1) {
            return segments.get(from);
        }
        int length = Math.max(0, n - from - 1);
        for (int i = from; i < n; i++) {
            length += segments.get(i).length();
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i = from; i < n; i++) {
            if (i > from) {
                sb.append('/');
            }
            sb.append(segments.get(i));
        }
        return sb.toString();
    }

    private static Map<String, String> params(RoutePattern p, List<String> segments) {
        Map<String, String> out = null;
        for (int i = 0; i < p.size(); i++) {
            RoutePattern.Kind kind = p.kind(i);
            if (kind == RoutePattern.Kind.LITERAL) {
                continue;
            }
            if (out == null) {
                out = new LinkedHashMap<>(4);
            }
            if (kind == RoutePattern.Kind.PARAM) {
                out.put(p.value(i), segments.get(i));
            } else {
                out.put(p.value(i), joinFrom(segments, i));
            }
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }
}
