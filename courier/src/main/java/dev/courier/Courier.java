package dev.courier;

import dev.courier.http.Method;

/**
 * One-line HTTP calls on a shared default {@link Session} (cookies kept in memory, connections
 * pooled, every safe default of {@link SessionBuilder}).
 *
 * <pre>{@code
 * Response r = Courier.get("https://api.example.com/users?page=2");
 * User u = Courier.post("https://api.example.com/users", Body.json(newUser))
 *                 .raiseForStatus().json(User.class);
 * }</pre>
 */
public final class Courier {

    /** The library version sent in the default User-Agent. */
    public static final String VERSION = "0.1.0";

    private Courier() {
    }

    /** The shared session, created on first use. */
    private static final class Default {
        static final Session SESSION = Session.create();
    }

    /** Returns the shared default session used by the one-liners. */
    public static Session session() {
        return Default.SESSION;
    }

    /** Returns a builder of a request sent by the default session. */
    public static Request.Builder request(Method method, String url) {
        return session().request(method, url);
    }

    /** Sends a GET to {@code url}. */
    public static Response get(String url) {
        return session().get(url);
    }

    /** Sends a HEAD to {@code url}. */
    public static Response head(String url) {
        return session().head(url);
    }

    /** Sends an OPTIONS to {@code url}. */
    public static Response options(String url) {
        return session().options(url);
    }

    /** Sends a DELETE to {@code url}. */
    public static Response delete(String url) {
        return session().delete(url);
    }

    /** Sends a POST of {@code body} to {@code url}. */
    public static Response post(String url, Body body) {
        return session().post(url, body);
    }

    /** Sends a PUT of {@code body} to {@code url}. */
    public static Response put(String url, Body body) {
        return session().put(url, body);
    }

    /** Sends a PATCH of {@code body} to {@code url}. */
    public static Response patch(String url, Body body) {
        return session().patch(url, body);
    }

    /** Sends {@code request} with the default session. */
    public static Response send(Request request) {
        return session().send(request);
    }
}
