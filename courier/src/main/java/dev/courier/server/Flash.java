package dev.courier.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flash messages: notes kept in the request's {@link WebSession} and shown once, on the next page
 * that reads them (Flask's {@code flash} and {@code get_flashed_messages}).
 *
 * <pre>{@code
 * router.post("/items", req -> {
 *     save(req.form());
 *     Flash.add(req, "Saved");               // or req.flash("Saved")
 *     return Reply.redirect("/items", 303);
 * });
 * router.get("/items", req -> Reply.html(page(Flash.consume(req))));
 * }</pre>
 *
 * <p>Messages live in the session under {@link #SESSION_KEY} as a list of
 * {@code {"category": ..., "text": ...}} maps, so every session store keeps them; a session
 * filter ({@link SessionFilter} or {@link SignedCookieSessions}) must run for the request.
 * {@link #consume} removes them, and the session filter saves that removal after the handler, so
 * a message is shown exactly once even when the page is reloaded.
 */
public final class Flash {

    /** The session key under which the pending messages are kept. */
    public static final String SESSION_KEY = "_flash";

    /** The category of {@link #add(Request, String)}; Flask's default is also "message". */
    public static final String DEFAULT_CATEGORY = "message";

    /** One flashed message and its category (e.g. "message", "error", "success"). */
    public record Message(String category, String text) {

        /** Returns the message; both parts must be non-null. */
        public Message {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(text, "text");
        }
    }

    private Flash() {
    }

    /** Adds {@code text} in the {@link #DEFAULT_CATEGORY} to the messages of the next page. */
    public static void add(Request request, String text) {
        add(request, DEFAULT_CATEGORY, text);
    }

    /** Adds {@code text} in {@code category} to the messages of the next page, after any earlier ones. */
    public static void add(Request request, String category, String text) {
        Message m = new Message(category, text);
        WebSession session = request.session();
        List<Object> list = new ArrayList<>();
        Object old = session.get(SESSION_KEY);
        if (old instanceof List<?> l) {
            list.addAll(l);
        }
        list.add(Map.of("category", m.category(), "text", m.text()));
        session.put(SESSION_KEY, list);
    }

    /**
     * Returns the pending messages in the order they were added, and removes them from the
     * session so that no later request sees them; an empty list when there are none (the session
     * is then left untouched, so no cookie is sent).
     */
    public static List<Message> consume(Request request) {
        List<Message> out = peek(request);
        if (!out.isEmpty()) {
            request.session().remove(SESSION_KEY);
        }
        return out;
    }

    /** Returns the pending messages without removing them; an empty list when there are none. */
    public static List<Message> peek(Request request) {
        Object stored = request.session().get(SESSION_KEY);
        if (!(stored instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<Message> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("category") instanceof String c && m.get("text") instanceof String t) {
                out.add(new Message(c, t));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
