package dev.courier.server;

import dev.courier.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps each session as a JSON file in a directory, so sessions survive a restart of the server.
 *
 * <pre>{@code
 * SessionStore store = FileSessionStore.builder(Path.of("var/sessions")).build();
 * }</pre>
 *
 * <p>A session is the file {@code <id>.json} holding {@code {"created": epochMillis, "data":
 * {...}}}; its last use is the file's modification time. Every write goes to a temporary file in
 * the same directory that is then moved over the old one atomically, so a crash leaves the old or
 * the new version, never half of one. Values are JSON (see {@link WebSession}), never Java
 * serialization, so a planted file can at worst hold wrong data. A file that is not such JSON is
 * logged as a warning and treated as no session. Calls for one ID are serialised within this JVM
 * (a lock stripe per ID); several processes must not share one directory.
 */
public final class FileSessionStore implements SessionStore {

    private static final System.Logger LOG = System.getLogger(FileSessionStore.class.getName());
    /** Lock stripes: 64 keep contention low for a few dozen request threads without a map of locks. */
    private static final int STRIPES = 64;
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Clock clock;
    private final Object[] locks = new Object[STRIPES];

    private FileSessionStore(Builder b) {
        this.dir = b.dir;
        this.idleTimeout = b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout;
        this.clock = b.clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Returns a builder for a store in {@code dir}, created when missing. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    @Override
    public Map<String, Object> load(String id) {
        synchronized (lock(id)) {
            Record r = read(id);
            if (r == null) {
                return null;
            }
            touch(id);
            return r.data;
        }
    }

    @Override
    public void create(String id, Map<String, Object> data) {
        synchronized (lock(id)) {
            write(id, clock.instant(), data);
        }
    }

    @Override
    public boolean update(String id, Map<String, Object> puts, Set<String> removes) {
        synchronized (lock(id)) {
            Record r = read(id);
            if (r == null) {
                return false;
            }
            r.data.putAll(puts);
            r.data.keySet().removeAll(removes);
            write(id, r.created, r.data);
            return true;
        }
    }

    @Override
    public void delete(String id) {
        synchronized (lock(id)) {
            try {
                Files.deleteIfExists(file(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete session file " + file(id), e);
            }
        }
    }

    /**
     * Deletes the files of expired sessions and returns how many went; call it now and then (e.g.
     * hourly from a scheduled executor), since a session nobody comes back for is otherwise
     * only found expired when its ID is next presented. Leftover temporary files of a crashed
     * write older than the idle timeout go too.
     *
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public int purgeExpired() {
        int purged = 0;
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list session directory " + dir, e);
        }
        Instant now = clock.instant();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(SUFFIX) && SessionIds.wellFormed(name.substring(0, name.length() - SUFFIX.length()))) {
                String id = name.substring(0, name.length() - SUFFIX.length());
                synchronized (lock(id)) {
                    if (Files.exists(f) && read(id) == null) {
                        deleteQuietly(f);  // read() already removed an expired one; this catches corrupt ones
                        purged++;
                    }
                }
            } else if (name.startsWith(".session-") && name.endsWith(".tmp") && olderThanIdle(f, now)) {
                deleteQuietly(f);
                purged++;
            }
        }
        return purged;
    }

    private boolean olderThanIdle(Path f, Instant now) {
        try {
            return !now.isBefore(Files.getLastModifiedTime(f).toInstant().plus(idleTimeout));
        } catch (IOException e) {
            return false;
        }
    }

    private static final class Record {
        final Instant created;
        final Map<String, Object> data;

        Record(Instant created, Map<String, Object> data) {
            this.created = created;
            this.data = data;
        }
    }

    /** Returns the live session in {@code id}'s file, or null (missing, expired or corrupt). */
    private Record read(String id) {
        Path f = file(id);
        byte[] bytes;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(f);
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read session file " + f + "; treating it as no session", e);
            return null;
        }
        Record r;
        try {
            Map<?, ?> root = (Map<?, ?>) Json.parse(bytes);
            Instant created = Instant.ofEpochMilli(((Number) root.get("created")).longValue());
            r = new Record(created, SessionValues.normalizeAll((Map<?, ?>) Objects.requireNonNull(root.get("data"))));
        } catch (RuntimeException e) {
            // JsonException, ClassCastException, NullPointerException, IllegalArgumentException:
            // whatever is wrong with the file, the user gets a fresh session, not a 500.
            LOG.log(System.Logger.Level.WARNING, "session file " + f + " is corrupt (" + e
                    + "); treating it as no session");
            return null;
        }
        Instant now = clock.instant();
        Instant lastUsed = modified.toInstant();
        if (!now.isBefore(lastUsed.plus(idleTimeout)) || !now.isBefore(r.created.plus(absoluteTimeout))) {
            deleteQuietly(f);
            return null;
        }
        return r;
    }

    private void write(String id, Instant created, Map<String, Object> data) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("created", created.toEpochMilli());
        root.put("data", data);
        byte[] bytes = Json.write(root).getBytes(StandardCharsets.UTF_8);
        Path target = file(id);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // createTempFile makes the file readable by its owner only (0600 on POSIX).
            tmp = Files.createTempFile(dir, ".session-", ".tmp");
            Files.write(tmp, bytes);
            Files.setLastModifiedTime(tmp, FileTime.from(clock.instant()));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
            throw new UncheckedIOException("cannot write session file " + target, e);
        }
    }

    private void touch(String id) {
        try {
            Files.setLastModifiedTime(file(id), FileTime.from(clock.instant()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot touch session file " + file(id) + ": " + e);
        }
    }

    private Path file(String id) {
        // SessionFilter passes only well-formed IDs; the check here keeps a custom caller from
        // naming a file outside the directory.
        if (!SessionIds.wellFormed(id)) {
            throw new IllegalArgumentException("not a session ID: " + Escape.quote(id));
        }
        return dir.resolve(id + SUFFIX);
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), STRIPES)];
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot delete " + f + ": " + e);
        }
    }

    /** A builder of {@link FileSessionStore}. */
    public static final class Builder {
        private final Path dir;
        private Duration idleTimeout = MemorySessionStore.DEFAULT_IDLE_TIMEOUT;
        private Duration absoluteTimeout = MemorySessionStore.DEFAULT_ABSOLUTE_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** Sets how long an unused session lives; default 30 minutes. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = MemorySessionStore.Builder.positive("idleTimeout", idleTimeout);
            return this;
        }

        /** Sets how long any session lives from its creation; default 8 hours. */
        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = MemorySessionStore.Builder.positive("absoluteTimeout", absoluteTimeout);
            return this;
        }

        /** Sets the clock that timeouts are measured with (tests pin it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the store. */
        public FileSessionStore build() {
            return new FileSessionStore(this);
        }
    }
}
