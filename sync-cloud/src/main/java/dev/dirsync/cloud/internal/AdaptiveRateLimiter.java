package dev.dirsync.cloud.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps writes under a budget of {@code permits} per {@code window}: a token bucket refilled
 * continuously at the allowed rate and holding at most one second's worth.
 *
 * <p>The allowed rate starts at the budget. When the server throttles, the bucket is emptied (the
 * reservations waiting on it are made again), it stops refilling for the Retry-After the server
 * named (every caller waits it out: the throttle is the application's, not one request's) and the
 * rate halves (multiplicative decrease; at most once per second, so that one burst of 429s counts
 * once). Every write that passes adds back a five-hundredth of the budget's rate (additive
 * increase: back from a halving in 250 writes), up to the budget. The bucket starts empty, so a
 * run does not open with a burst on top of whatever else the tenant is doing.
 *
 * <p>Callers reserve their permits first and then wait for them, so concurrent callers are served
 * in turn and a reservation larger than the bucket (a whole batch) is served after a proportional
 * wait. Waits shorter than a millisecond are not slept; the debt carries over to the next caller.
 * Thread-safe.
 */
public final class AdaptiveRateLimiter {
    static final double DECREASE_FACTOR = 0.5;
    static final double INCREASE_PER_PERMIT = 0.002;
    static final double FLOOR = 0.01;
    static final Duration DECREASE_SPACING = Duration.ofSeconds(1);
    static final Duration MIN_SLEEP = Duration.ofMillis(1);
    private static final double NANOS_PER_SECOND = 1e9;

    private final double ceiling;
    private final Clock clock;
    private final Sleeper sleeper;

    private double rate;
    private double tokens;
    private long refilledAt;
    private long lastDecrease;
    private boolean decreased;
    /** Counts throttles: a reservation made before the latest one is void. */
    private long epoch;

    /** A budget of {@code permits} per {@code window}, timed by {@code clock}, waiting through {@code sleeper}. */
    public AdaptiveRateLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "need at least 1 permit per positive window, got " + permits + " per " + window);
        }
        this.ceiling = permits * NANOS_PER_SECOND / window.toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
        this.rate = ceiling;
        this.tokens = 0;
        this.refilledAt = nanos(clock.instant());
    }

    /**
     * Reserves {@code permits} and blocks until they are due. A throttle reported meanwhile cancels
     * every reservation still waiting: each is made again, under the pause and the lower rate.
     */
    public void acquire(int permits) throws InterruptedException {
        while (true) {
            Duration wait;
            long reservedIn;
            synchronized (this) {
                long now = refill();
                tokens -= permits;
                long paused = Math.max(0, refilledAt - now);
                long debt = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / rate * NANOS_PER_SECOND);
                wait = Duration.ofNanos(paused + debt);
                reservedIn = epoch;
            }
            if (wait.compareTo(MIN_SLEEP) >= 0) {
                sleeper.sleep(wait);
            }
            synchronized (this) {
                if (epoch == reservedIn) {
                    return;
                }
            }
        }
    }

    /**
     * The server throttled a write: empty the bucket, cancel the reservations waiting on it, hold it
     * empty for {@code retryAfter} (when named) and halve the allowed rate.
     */
    public synchronized void throttled(Optional<Duration> retryAfter) {
        long now = refill();
        tokens = 0;
        epoch++;
        retryAfter.ifPresent(wait -> refilledAt = Math.max(refilledAt, now + wait.toNanos()));
        if (decreased && now - lastDecrease < DECREASE_SPACING.toNanos()) {
            return;
        }
        rate = Math.max(ceiling * FLOOR, rate * DECREASE_FACTOR);
        lastDecrease = now;
        decreased = true;
    }

    /** {@code permits} writes went through: raise the allowed rate towards the budget. */
    public synchronized void succeeded(int permits) {
        refill();
        rate = Math.min(ceiling, rate + permits * ceiling * INCREASE_PER_PERMIT);
    }

    /** The rate allowed now, in permits per second. */
    public synchronized double rate() {
        return rate;
    }

    /** The budget's rate, in permits per second. */
    public double ceiling() {
        return ceiling;
    }

    /** A pacer that reserves {@code permits} before each attempt and reports throttling here. */
    public Pacer pacer(int permits) {
        return new Pacer() {
            @Override
            public void beforeAttempt() throws InterruptedException {
                acquire(permits);
            }

            @Override
            public void throttled(Optional<Duration> retryAfter) {
                AdaptiveRateLimiter.this.throttled(retryAfter);
            }
        };
    }

    /**
     * Adds what the rate earned since the last refill and returns now. {@code refilledAt} ahead of
     * now is a pause (or a clock that went back): nothing is earned until it has passed.
     */
    private long refill() {
        long now = nanos(clock.instant());
        long elapsed = Math.max(0, now - refilledAt);
        double capacity = Math.max(1.0, rate);
        tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * rate);
        refilledAt = Math.max(refilledAt, now);
        return now;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "AdaptiveRateLimiter[%.2f of %.2f per second]", rate, ceiling);
    }
}
