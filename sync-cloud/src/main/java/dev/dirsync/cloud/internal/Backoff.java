package dev.dirsync.cloud.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failure the ceiling is {@code base * 2^(n-1)},
 * capped, and the delay is drawn uniformly from its upper half, so that many clients failing
 * together do not retry in step.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The delay after failure number {@code failures} (1 for the first). */
    public Duration delay(int failures) {
        long ceiling = ceilingMillis(failures);
        if (ceiling <= 1) {
            return Duration.ofMillis(ceiling);
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }

    long ceilingMillis(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long millis = base.toMillis() << doublings;
        return Math.min(millis < 0 ? Long.MAX_VALUE : millis, cap.toMillis());
    }
}
