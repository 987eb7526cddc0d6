package dev.courier.cookie;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs cookie values with HMAC-SHA256 so a server can trust what comes back, as Flask's session
 * cookie does; the value stays readable, it is not encrypted.
 *
 * <p>A signed value is {@code value.timestamp.keyId.signature}: the value in URL-safe base64, the
 * signing time in epoch seconds, a short id of the key (derived from it, revealing nothing) and
 * the MAC, all cookie-octets. The MAC covers the salt and everything before it, so a value signed
 * for one purpose (salt) does not verify for another. Keys rotate: {@link #sign} uses the first
 * key, {@link #verify} accepts any listed key; signatures compare in constant time
 * ({@link MessageDigest#isEqual}).
 *
 * <pre>{@code
 * CookieSigner signer = CookieSigner.builder(newKey).oldKeys(List.of(previousKey)).build();
 * String v = signer.sign("user=42");
 * signer.verify(v).value();   // "user=42"
 * }</pre>
 */
public final class CookieSigner {

    /** Shortest key: RFC 2104 §3 discourages HMAC keys shorter than the hash output, 32 bytes for SHA-256. */
    public static final int MIN_KEY_BYTES = 32;

    /** Default age limit: 31 days, Flask's default PERMANENT_SESSION_LIFETIME. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(31);

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What {@link #verify} found. */
    public enum Status {
        /** Signed by a listed key, unchanged, not too old. */
        VALID,
        /** Not of the form value.timestamp.keyId.signature. */
        MALFORMED,
        /** Signed with a key this signer does not hold (retired or foreign). */
        UNKNOWN_KEY,
        /** The signature does not match: value, time or signature were changed. */
        BAD_SIGNATURE,
        /** Correctly signed but older than the maximum age (or dated in the future). */
        EXPIRED
    }

    /**
     * The result of {@link #verify}: the status, and the value when {@link Status#VALID}.
     *
     * @param status what was found
     * @param value the original value, or null unless VALID
     * @param reason a sentence for logs, e.g. "signed 3600 s ago, over maxAge=PT30M"
     */
    public record Verification(Status status, String value, String reason) {
        /** Returns true when the status is VALID. */
        public boolean valid() {
            return status == Status.VALID;
        }
    }

    private final List<byte[]> keys;
    private final List<String> keyIds;
    private final String salt;
    private final Duration maxAge;
    private final Clock clock;

    private CookieSigner(Builder b) {
        this.keys = b.keys;
        this.salt = b.salt;
        this.maxAge = b.maxAge;
        this.clock = b.clock;
        List<String> ids = new ArrayList<>();
        for (byte[] k : keys) {
            ids.add(B64.encodeToString(Arrays.copyOf(mac(k, "courier-cookie-key-id"), 6)));
        }
        this.keyIds = ids;
    }

    /** Returns a builder whose signing key is {@code key} (at least 32 bytes, e.g. from SecureRandom). */
    public static Builder builder(byte[] key) {
        return new Builder(key);
    }

    /** Returns {@code value} signed with the first key and stamped with the current time. */
    public String sign(String value) {
        String payload = B64.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "."
                + clock.instant().getEpochSecond() + "." + keyIds.get(0);
        return payload + "." + B64.encodeToString(mac(keys.get(0), salt + "\0" + payload));
    }

    /** Returns the value of a valid signed string, or empty for any failure. */
    public Optional<String> unsign(String signed) {
        Verification v = verify(signed);
        return v.valid() ? Optional.of(v.value()) : Optional.empty();
    }

    /** Returns whether {@code signed} is valid and, if so, its value. */
    public Verification verify(String signed) {
        String[] parts = signed.split("\\.", -1);
        if (parts.length != 4) {
            return new Verification(Status.MALFORMED, null, "expected 4 dot-separated parts, found " + parts.length);
        }
        long stamp;
        byte[] given;
        byte[] valueBytes;
        try {
            stamp = Long.parseLong(parts[1]);
            given = B64D.decode(parts[3]);
            valueBytes = B64D.decode(parts[0]);
        } catch (IllegalArgumentException e) {
            return new Verification(Status.MALFORMED, null, "bad timestamp or base64: " + e.getMessage());
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        boolean knownKey = false;
        for (int i = 0; i < keys.size(); i++) {
            if (!keyIds.get(i).equals(parts[2])) {
                continue;
            }
            knownKey = true;
            if (MessageDigest.isEqual(mac(keys.get(i), salt + "\0" + payload), given)) {
                long age = clock.instant().getEpochSecond() - stamp;
                if (age < 0 || age > maxAge.getSeconds()) {
                    return new Verification(Status.EXPIRED, null, "signed " + age + " s ago, outside 0.." + maxAge.getSeconds() + " s");
                }
                return new Verification(Status.VALID, new String(valueBytes, StandardCharsets.UTF_8), "signed with key #" + i);
            }
        }
        return knownKey
                ? new Verification(Status.BAD_SIGNATURE, null, "signature does not match: the value was changed")
                : new Verification(Status.UNKNOWN_KEY, null, "key id " + CookieChars.quote(parts[2]) + " is not one of this signer's keys");
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM, which every Java SE must have", e);
        }
    }

    /** A builder of {@link CookieSigner}. */
    public static final class Builder {
        private final List<byte[]> keys = new ArrayList<>();
        private String salt = "courier.cookie";
        private Duration maxAge = DEFAULT_MAX_AGE;
        private Clock clock = Clock.systemUTC();

        private Builder(byte[] key) {
            keys.add(checkKey(key));
        }

        /** Adds keys that still verify but no longer sign, newest first (key rotation). */
        public Builder oldKeys(List<byte[]> oldKeys) {
            for (byte[] k : oldKeys) {
                keys.add(checkKey(k));
            }
            return this;
        }

        /** Sets the salt that binds signatures to one purpose, e.g. the cookie name; default "courier.cookie". */
        public Builder salt(String salt) {
            this.salt = Objects.requireNonNull(salt, "salt");
            return this;
        }

        /** Sets how old a signature may be; default 31 days. */
        public Builder maxAge(Duration maxAge) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative, got " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /** Sets the clock (tests pin it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the signer. */
        public CookieSigner build() {
            return new CookieSigner(this);
        }

        private static byte[] checkKey(byte[] key) {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("signing key has " + key.length + " bytes, under MIN_KEY_BYTES="
                        + MIN_KEY_BYTES + " (RFC 2104 §3); generate 32 random bytes with SecureRandom");
            }
            return key.clone();
        }
    }
}
