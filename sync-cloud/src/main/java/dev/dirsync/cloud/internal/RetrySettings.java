package dev.dirsync.cloud.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How persistently one request is repeated.
 *
 * @param maxAttempts attempts including the first
 * @param baseDelay first back-off delay for server errors and transport failures; doubles per attempt
 * @param maxDelay cap of the back-off delay
 * @param maxRetryAfter the longest Retry-After the policy waits for; a longer one ends the request
 *     at once (retryable) rather than blocking the run
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + ", " + maxDelay);
        }
    }

    public static RetrySettings withMaxAttempts(int maxAttempts) {
        return new RetrySettings(maxAttempts, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MAX_RETRY_AFTER);
    }
}
