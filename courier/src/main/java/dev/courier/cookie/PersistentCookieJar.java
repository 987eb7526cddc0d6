package dev.courier.cookie;

import java.io.Closeable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CookieJar} kept in memory and backed by a Netscape {@code cookies.txt} file (see
 * {@link CookiesTxt}), like curl's {@code -b file -c file}.
 *
 * <p>Lifecycle: {@link Builder#build()} loads the file if it exists (strictly, unless
 * {@link Builder#lenient()}); the jar then works in memory; {@link #save()} writes it back
 * atomically and {@link #close()} saves one last time. Session cookies are written only with
 * {@link Builder#saveSessionCookies(boolean)}.
 *
 * <pre>{@code
 * try (PersistentCookieJar jar = CookieJar.persistent(Path.of("cookies.txt"))) {
 *     // ... use the jar for requests ...
 * }   // written back here
 * }</pre>
 */
public final class PersistentCookieJar implements CookieJar, Closeable {

    private final Path file;
    private final boolean saveSession;
    private final MemoryCookieJar jar;

    private PersistentCookieJar(Builder b) {
        this.file = b.file;
        this.saveSession = b.saveSession;
        this.jar = b.jar.build();
        if (Files.exists(file)) {
            for (Cookie c : CookiesTxt.load(file, jar.clock().instant(), b.strict)) {
                jar.add(c);
            }
        }
    }

    /** Returns a builder for a jar backed by {@code file}. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Returns the file this jar loads from and saves to. */
    public Path file() {
        return file;
    }

    /** Writes the jar's unexpired cookies to the file now, atomically. */
    public void save() {
        CookiesTxt.save(file, jar.all(), jar.clock().instant(), saveSession);
    }

    /** Saves the jar; the jar stays usable in memory afterwards. */
    @Override
    public void close() {
        save();
    }

    @Override
    public List<StoreOutcome> store(URI requestUrl, List<String> setCookieHeaders) {
        return jar.store(requestUrl, setCookieHeaders);
    }

    @Override
    public List<Cookie> cookiesFor(URI requestUrl) {
        return jar.cookiesFor(requestUrl);
    }

    @Override
    public StoreOutcome add(Cookie cookie) {
        return jar.add(cookie);
    }

    @Override
    public boolean remove(Cookie cookie) {
        return jar.remove(cookie);
    }

    @Override
    public int removeExpired() {
        return jar.removeExpired();
    }

    @Override
    public void clear() {
        jar.clear();
    }

    @Override
    public int clearSession() {
        return jar.clearSession();
    }

    @Override
    public List<Cookie> all() {
        return jar.all();
    }

    /** A builder of {@link PersistentCookieJar}; the in-memory settings are those of {@link MemoryCookieJar.Builder}. */
    public static final class Builder {
        private final Path file;
        private final MemoryCookieJar.Builder jar = MemoryCookieJar.builder();
        private boolean saveSession;
        private boolean strict = true;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** Sets whether session cookies are written too (with expiry 0, as curl writes them); default false. */
        public Builder saveSessionCookies(boolean saveSession) {
            this.saveSession = saveSession;
            return this;
        }

        /** Makes loading skip malformed lines with a warning instead of throwing (curl's behaviour). */
        public Builder lenient() {
            this.strict = false;
            return this;
        }

        /** Sets the clock of the jar (tests pin it). */
        public Builder clock(Clock clock) {
            jar.clock(clock);
            return this;
        }

        /** Sets a listener told of every store outcome, see {@link MemoryCookieJar.Builder#listener}. */
        public Builder listener(java.util.function.Consumer<StoreOutcome> listener) {
            jar.listener(listener);
            return this;
        }

        /**
         * Returns the jar, with the file's cookies loaded.
         *
         * @throws CookieFileException if the file has a malformed line (strict mode)
         */
        public PersistentCookieJar build() {
            return new PersistentCookieJar(this);
        }
    }
}
