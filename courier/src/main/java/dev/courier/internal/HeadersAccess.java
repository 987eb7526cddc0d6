package dev.courier.internal;

import dev.courier.http.Headers;
import java.util.function.Function;

/**
 * Lets the wire codec build {@link Headers} from fields it has already validated, without
 * the builder checking every name and value a second time. Not API: this package is not
 * exported by the module.
 *
 * <p>{@code Headers} installs the factory from its static initializer, so the hook cannot
 * widen what {@code Headers} accepts for anyone else: the only caller is the codec, and it
 * hands over only names that are tokens and values free of control characters other than
 * HTAB, trimmed of leading and trailing whitespace, exactly what the builder would produce.
 */
public final class HeadersAccess {

    /** Set once by {@code Headers}' static initializer; null only while it runs. */
    private static volatile Function<String[], Headers> trusted;

    private HeadersAccess() {
    }

    /**
     * Installs the factory; called once by {@code Headers}.
     *
     * @throws IllegalStateException on a second call, so the factory cannot be replaced
     */
    public static synchronized void install(Function<String[], Headers> factory) {
        if (trusted != null) {
            throw new IllegalStateException("Headers factory already installed");
        }
        trusted = factory;
    }

    /**
     * Returns headers that own {@code namesAndValues} (name, value, name, value ...; not
     * copied, so the caller must not touch the array afterwards), checking nothing.
     */
    public static Headers trusted(String[] namesAndValues) {
        if ((namesAndValues.length & 1) != 0) {
            throw new IllegalArgumentException("names and values must come in pairs, got " + namesAndValues.length);
        }
        Function<String[], Headers> f = trusted;
        if (f == null) {
            // Touching Headers runs its static initializer, which installs the factory.
            Headers.empty();
            f = trusted;
        }
        return f.apply(namesAndValues);
    }
}
