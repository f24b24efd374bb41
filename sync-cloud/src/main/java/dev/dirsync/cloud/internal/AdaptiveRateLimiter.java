package dev.dirsync.cloud.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps writes under a budget of {@code permits} per {@code window}: a token bucket refilled
 * continuously at the allowed rate and holding at most one second's worth.
 *
 * <p>When the server throttles, the bucket is emptied (the reservations waiting on it are made
 * again). A throttle naming a Retry-After, of any length, pauses the bucket until then: every
 * caller waits it out, as the throttle is the application's, not one request's. That pause is
 * the server's own measure of what it allows, so it leaves the rate alone: halving the rate on
 * every such throttle would, under a server that throttles a share of writes whatever their
 * pace, collapse the rate far below what the server allows. A pause ending further off than
 * {@code longestWait} is not waited for: {@link #acquire} answers with its end at once (the
 * writes are deferred to a later run). A throttle without a Retry-After leaves the pacer to guess:
 * the allowed rate halves (at most once per second, so that one burst of 429s counts once), and
 * every write that passes adds back a five-hundredth of the budget's rate, up to the budget. The
 * bucket starts empty, so a run does not open with a burst on top of whatever else the tenant
 * is doing.
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
    static final Duration MAX_PAUSE = Duration.ofDays(365);
    private static final double NANOS_PER_SECOND = 1e9;

    private final double ceiling;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long longestWait;
    private final Consumer<Instant> pauses;

    private double rate;
    private double tokens;
    private long refilledAt;
    private long lastDecrease;
    private boolean decreased;
    /** Counts throttles: a reservation made before the latest one is void. */
    private long epoch;
    /** Whether a caller was told to defer its writes. */
    private boolean deferred;

    /**
     * A budget of {@code permits} per {@code window}, timed by {@code clock}, waiting through
     * {@code sleeper}, waiting out pauses up to {@link RetrySettings#DEFAULT_MAX_RETRY_AFTER}.
     */
    public AdaptiveRateLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
        this(permits, window, clock, sleeper, RetrySettings.DEFAULT_MAX_RETRY_AFTER, until -> {});
    }

    /**
     * @param longestWait the longest pause callers wait out; a longer one defers their writes
     * @param pauses told the end of each pause a throttle sets or extends (to keep it beyond the
     *     run), outside the limiter's lock
     */
    public AdaptiveRateLimiter(
            int permits,
            Duration window,
            Clock clock,
            Sleeper sleeper,
            Duration longestWait,
            Consumer<Instant> pauses) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "need at least 1 permit per positive window, got " + permits + " per " + window);
        }
        this.ceiling = permits * NANOS_PER_SECOND / window.toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
        this.longestWait = longestWait.toNanos();
        this.pauses = pauses;
        this.rate = ceiling;
        this.tokens = 0;
        this.refilledAt = nanos(clock.instant());
    }

    /**
     * Reserves {@code permits} and blocks until they are due, then answers empty. A throttle
     * reported meanwhile cancels every reservation still waiting: each is made again, under the
     * pause and the rate then allowed. While a pause runs further off than the longest wait,
     * answers its end at once and reserves nothing: the caller's writes are deferred.
     */
    public Optional<Instant> acquire(int permits) throws InterruptedException {
        while (true) {
            Duration wait;
            long reservedIn;
            synchronized (this) {
                long now = refill();
                Optional<Instant> deferral = deferral(now);
                if (deferral.isPresent()) {
                    return deferral;
                }
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
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * The server throttled a write: empty the bucket and cancel the reservations waiting on it;
     * then pause it until {@code retryAfter} has passed, or, without one, halve the allowed rate.
     */
    public void throttled(Optional<Duration> retryAfter) {
        Optional<Instant> pausedUntil;
        synchronized (this) {
            long now = refill();
            tokens = 0;
            epoch++;
            pausedUntil = retryAfter.flatMap(wait -> pause(now + saturatedNanos(wait)));
            if (retryAfter.isPresent()) {
                deferral(now);
            } else if (!decreased || now - lastDecrease >= DECREASE_SPACING.toNanos()) {
                rate = Math.max(ceiling * FLOOR, rate * DECREASE_FACTOR);
                lastDecrease = now;
                decreased = true;
            }
        }
        pausedUntil.ifPresent(pauses);
    }

    /** Holds the bucket empty until {@code until} (a deadline kept from an earlier run). */
    public synchronized void pauseUntil(Instant until) {
        refill();
        pause(nanos(until));
    }

    /**
     * The end of the pause, when it runs further off than the longest wait (the writes due now are
     * deferred); empty otherwise.
     */
    public synchronized Optional<Instant> deferral() {
        return deferral(refill());
    }

    /** The end of the latest pause, when writes were deferred because of it; empty otherwise. */
    public synchronized Optional<Instant> deferredUntil() {
        return deferred ? Optional.of(instant(refilledAt)) : Optional.empty();
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
            public Optional<Instant> beforeAttempt() throws InterruptedException {
                return acquire(permits);
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

    /** Moves the end of the pause to {@code until}, when later; the new end, if it moved. */
    private Optional<Instant> pause(long until) {
        if (until <= refilledAt) {
            return Optional.empty();
        }
        refilledAt = until;
        return Optional.of(instant(until));
    }

    private Optional<Instant> deferral(long now) {
        if (refilledAt - now <= longestWait) {
            return Optional.empty();
        }
        deferred = true;
        return Optional.of(instant(refilledAt));
    }

    /** A Retry-After of centuries is a pause of centuries, not an overflow into the past. */
    private static long saturatedNanos(Duration wait) {
        return wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE.toNanos() : wait.toNanos();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "AdaptiveRateLimiter[%.2f of %.2f per second]", rate, ceiling);
    }
}
