package dev.courier.http;

import java.util.Map;

/**
 * An HTTP request method: one of the standard ones (RFC 9110 §9, RFC 5789) or any other token.
 *
 * <p>Methods are case-sensitive (RFC 9110 §9.1): {@code Method.of("get")} is a different,
 * unknown method from {@link #GET}. Standard methods are shared constants, so {@code ==} works for
 * them: {@code Method.of("GET") == Method.GET}.
 */
public final class Method {

    /** Transfer a current representation of the target resource. Safe, idempotent. */
    public static final Method GET = new Method("GET", true, true, false);
    /** Same as GET but transfer only the status and header section. Safe, idempotent. */
    public static final Method HEAD = new Method("HEAD", true, true, false);
    /** Perform resource-specific processing on the request content. */
    public static final Method POST = new Method("POST", false, false, true);
    /** Replace all current representations of the target resource. Idempotent. */
    public static final Method PUT = new Method("PUT", false, true, true);
    /** Remove all current representations of the target resource. Idempotent. */
    public static final Method DELETE = new Method("DELETE", false, true, false);
    /** Establish a tunnel to the server identified by the target resource. */
    public static final Method CONNECT = new Method("CONNECT", false, false, false);
    /** Describe the communication options for the target resource. Safe, idempotent. */
    public static final Method OPTIONS = new Method("OPTIONS", true, true, false);
    /** Perform a message loop-back test along the path. Safe, idempotent. */
    public static final Method TRACE = new Method("TRACE", true, true, false);
    /** Apply partial modifications to a resource (RFC 5789). */
    public static final Method PATCH = new Method("PATCH", false, false, true);

    private static final Map<String, Method> STANDARD = Map.of(
            "GET", GET, "HEAD", HEAD, "POST", POST, "PUT", PUT, "DELETE", DELETE,
            "CONNECT", CONNECT, "OPTIONS", OPTIONS, "TRACE", TRACE, "PATCH", PATCH);

    private final String name;
    private final boolean safe;
    private final boolean idempotent;
    private final boolean expectsBody;

    private Method(String name, boolean safe, boolean idempotent, boolean expectsBody) {
        this.name = name;
        this.safe = safe;
        this.idempotent = idempotent;
        this.expectsBody = expectsBody;
    }

    /**
     * Returns the method called {@code name}: the shared constant for a standard method, else a
     * new method that is neither safe nor idempotent. {@code Method.of("PROPFIND")} works.
     *
     * @throws IllegalArgumentException if {@code name} is not an RFC 9110 token (a method with a
     *     space, CR or LF in it could split the request line)
     */
    public static Method of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("method is null");
        }
        Method m = STANDARD.get(name);
        if (m != null) {
            return m;
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("method is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Ascii.isTchar(c)) {
                throw new IllegalArgumentException("invalid method " + Ascii.quote(name) + ": "
                        + Ascii.describe(c) + " at offset " + i + " is not a token character (RFC 9110 §9.1)");
            }
        }
        return new Method(name, false, false, false);
    }

    /** Returns the standard method called exactly {@code name}, or null when it is not standard. */
    public static Method standard(String name) {
        // Map.of refuses null keys; a missing method is simply not standard.
        return name == null ? null : STANDARD.get(name);
    }

    /** Returns the method's name as sent on the request line, e.g. {@code "GET"}. */
    public String name() {
        return name;
    }

    /** Returns true for methods that are read-only by definition (RFC 9110 §9.2.1). */
    public boolean isSafe() {
        return safe;
    }

    /**
     * Returns true for methods whose repetition has the same effect as one request
     * (RFC 9110 §9.2.2), which makes them safe to retry automatically.
     */
    public boolean isIdempotent() {
        return idempotent;
    }

    /** Returns true for methods that normally carry request content: POST, PUT, PATCH. */
    public boolean expectsBody() {
        return expectsBody;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Method && ((Method) o).name.equals(name));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** Returns the method's name. */
    @Override
    public String toString() {
        return name;
    }
}
