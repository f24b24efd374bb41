package dev.dirsync.cloud.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Paces the attempts of one request against a budget that many requests share. {@link HttpPolicy}
 * consults it before every attempt (repeats included) and tells it when the server throttled.
 */
public interface Pacer {

    /**
     * Blocks until the next attempt may be sent and answers empty; or answers at once the time
     * before which the server asked for no writes, when that is further off than this run waits:
     * the attempt is then not sent.
     */
    Optional<Instant> beforeAttempt() throws InterruptedException;

    /** The server refused the attempt as throttled; {@code retryAfter} is the wait it named, if any. */
    void throttled(Optional<Duration> retryAfter);

    /** Sends at once and ignores throttling: reads and token requests. */
    Pacer NONE = new Pacer() {
        @Override
        public Optional<Instant> beforeAttempt() {
            return Optional.empty();
        }

        @Override
        public void throttled(Optional<Duration> retryAfter) {}
    };
}
