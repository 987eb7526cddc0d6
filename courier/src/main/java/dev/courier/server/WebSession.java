package dev.courier.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The session of one request: a small typed map that a {@link SessionFilter} (server-side store)
 * or {@link SignedCookieSessions} (signed cookie) loads when first used and saves after the
 * handler, only when it changed.
 *
 * <pre>{@code
 * router.post("/login", req -> {
 *     WebSession s = req.session();
 *     s.rotateId();                        // a new ID after login: fixation defence
 *     s.put("user", "ada");
 *     return Reply.redirect("/", 303);
 * });
 * router.get("/", req -> Reply.text("hello " + req.session().get("user", String.class)));
 * }</pre>
 *
 * <p>Values are what JSON can carry, so every store keeps them the same way and none uses Java
 * serialization: String, Boolean, whole numbers (kept as Long), other numbers (kept as Double),
 * and Lists and string-keyed Maps of those. {@link #get} converts numbers to the asked type when
 * no digit is lost. A session belongs to one request and one thread; concurrent requests of one
 * session each get their own, and the store merges their changes key by key, so two requests
 * that set different keys both win (for one key, the last save wins).
 */
public final class WebSession {

    /** The request attribute under which the filters keep the session. */
    static final String ATTRIBUTE = WebSession.class.getName();

    /** What a filter found for the request: the known ID and its data, or null for none. */
    record Loaded(String id, Map<String, Object> data) {
    }

    private final Supplier<Loaded> loader;
    private boolean loaded;
    private String id;
    private Map<String, Object> data;
    private final Map<String, Object> puts = new LinkedHashMap<>();
    private final Set<String> removes = new LinkedHashSet<>();
    private boolean invalidated;
    private String previousId;

    WebSession(Supplier<Loaded> loader) {
        this.loader = loader;
    }

    /**
     * Returns the session of {@code request}, as installed by a {@link SessionFilter} or
     * {@link SignedCookieSessions} before filter.
     *
     * @throws IllegalStateException when no session filter ran for the request
     */
    public static WebSession of(Request request) {
        Object s = request.attributes().get(ATTRIBUTE);
        if (s == null) {
            throw new IllegalStateException("no session for " + request.method() + " " + Escape.quote(request.path())
                    + ": install a SessionFilter (sessions.install(router)) or SignedCookieSessions first");
        }
        return (WebSession) s;
    }

    /**
     * Returns the value of {@code name} as a {@code type}, or null when absent; e.g.
     * {@code get("visits", Integer.class)}.
     *
     * @throws ClassCastException when the value is of another type, naming both
     */
    public <T> T get(String name, Class<T> type) {
        Object v = view().get(name);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        Object converted = SessionValues.convertNumber(v, type);
        if (converted == null) {
            throw new ClassCastException("session value " + Escape.quote(name) + " is a "
                    + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(converted);
    }

    /** Returns the value of {@code name} (String, Boolean, Long, Double, List or Map), or null. */
    public Object get(String name) {
        return view().get(name);
    }

    /**
     * Sets {@code name} to {@code value} and returns this session; a null value removes it.
     *
     * @throws IllegalArgumentException for a value JSON cannot carry (see the class comment)
     */
    public WebSession put(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            return remove(name);
        }
        Object v = SessionValues.normalize(name, value);
        ensureLoaded();
        invalidated = false;
        removes.remove(name);
        puts.put(name, v);
        return this;
    }

    /** Removes {@code name} and returns this session. */
    public WebSession remove(String name) {
        ensureLoaded();
        if (data.containsKey(name) || puts.containsKey(name)) {
            puts.remove(name);
            removes.add(name);
        }
        return this;
    }

    /** Returns the names in the session (a copy). */
    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(view().keySet()));
    }

    /** Returns true when the session holds nothing. */
    public boolean isEmpty() {
        return view().isEmpty();
    }

    /**
     * Ends the session: its data is deleted from the store and the browser's cookie is cleared
     * after the handler. A later {@link #put} in the same request starts a new session.
     */
    public void invalidate() {
        ensureLoaded();
        if (id != null && previousId == null) {
            previousId = id;
        }
        id = null;
        data = new LinkedHashMap<>();
        puts.clear();
        removes.clear();
        invalidated = true;
    }

    /**
     * Moves the data to a new, random ID and retires the old one (call it after login, so an ID
     * planted before login is worth nothing: OWASP's session-fixation defence). The
     * {@link CsrfFilter} token is dropped too, so forms rendered before login are refused and the
     * next page gets a new token (OWASP: renew CSRF tokens when privileges change; Django does so
     * at login); every other value moves as it is.
     */
    public void rotateId() {
        ensureLoaded();
        if (id != null && previousId == null) {
            previousId = id;
        }
        Map<String, Object> all = new LinkedHashMap<>(view());
        all.remove(CsrfFilter.SESSION_KEY);
        id = null;
        data = new LinkedHashMap<>();
        removes.clear();
        puts.clear();
        puts.putAll(all);
    }

    /** Returns the ID the browser holds for this session, or null when it has none yet. */
    public String id() {
        ensureLoaded();
        return id;
    }

    @Override
    public String toString() {
        return "WebSession" + names();
    }

    // ---- for the filters -------------------------------------------------------------------

    /**
     * Returns the session a filter put into {@code request} when the handler changed it, else
     * null: what both session filters need to decide whether to save and send a cookie.
     */
    static WebSession changedIn(Request request) {
        Object o = request.attributes().get(ATTRIBUTE);
        return o instanceof WebSession && ((WebSession) o).changed() ? (WebSession) o : null;
    }

    /** Returns true when something must be saved or deleted. */
    boolean changed() {
        return loaded && (!puts.isEmpty() || !removes.isEmpty() || previousId != null || invalidated);
    }

    boolean invalidated() {
        return invalidated;
    }

    /** Returns the ID that rotateId or invalidate retired, or null. */
    String previousId() {
        return previousId;
    }

    /** Returns the values set in this request. */
    Map<String, Object> puts() {
        return puts;
    }

    Set<String> removes() {
        return removes;
    }

    /** Returns every value as the handler sees it now. */
    Map<String, Object> view() {
        ensureLoaded();
        if (puts.isEmpty() && removes.isEmpty()) {
            return data;
        }
        Map<String, Object> m = new LinkedHashMap<>(data);
        m.keySet().removeAll(removes);
        m.putAll(puts);
        return m;
    }

    /** Gives the session the ID it was saved under. */
    void assignId(String newId) {
        this.id = newId;
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        Loaded l = loader.get();
        if (l == null) {
            data = new LinkedHashMap<>();
        } else {
            id = l.id();
            data = new LinkedHashMap<>(l.data());
        }
    }
}
