package dev.dirsync.emulator.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues opaque bearer tokens and tells whether one presented later is still good. */
public final class TokenIssuer {
    /** What the identity platform answers for app-only tokens. */
    public static final Duration LIFETIME = Duration.ofSeconds(3599);

    /** The outcome of presenting a token. */
    public enum Check {
        VALID,
        UNKNOWN,
        EXPIRED
    }

    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public TokenIssuer(Clock clock) {
        this.clock = clock;
    }

    public String issue() {
        Instant now = clock.instant();
        expiryByToken.values().removeIf(expiry -> !expiry.isAfter(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiryByToken.put(token, now.plus(LIFETIME));
        return token;
    }

    public Check check(String token) {
        Instant expiry = token == null ? null : expiryByToken.get(token);
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        return expiry.isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    }
}
