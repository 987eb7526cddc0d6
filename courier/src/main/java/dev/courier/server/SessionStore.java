package dev.courier.server;

import java.util.Map;
import java.util.Set;

/**
 * Where a {@link SessionFilter} keeps server-side sessions: {@link MemorySessionStore},
 * {@link FileSessionStore}, or your own (a database, Redis...).
 *
 * <p>IDs reach a store only after {@link SessionFilter} checked their form (43 characters of
 * URL-safe base64), and new IDs are made by the filter, never by the client. Data maps hold only
 * the JSON-shaped values {@link WebSession} accepts. Every method may be called by many threads
 * at once, also for one ID: an implementation applies each call atomically.
 */
public interface SessionStore {

    /**
     * Returns a copy of the data of session {@code id} and counts this as activity (for an idle
     * timeout), or null when the store does not know the ID or the session expired.
     */
    Map<String, Object> load(String id);

    /** Stores a new session {@code id} with {@code data}; the ID is fresh, never seen before. */
    void create(String id, Map<String, Object> data);

    /**
     * Applies one request's changes to session {@code id} atomically: sets {@code puts}, then
     * removes {@code removes}; keys not named keep the value another request may have saved
     * meanwhile. Returns false, changing nothing, when the session no longer exists (expired or
     * invalidated meanwhile), so a late request cannot bring a logged-out session back.
     */
    boolean update(String id, Map<String, Object> puts, Set<String> removes);

    /** Deletes session {@code id}; nothing happens when it does not exist. */
    void delete(String id);
}
