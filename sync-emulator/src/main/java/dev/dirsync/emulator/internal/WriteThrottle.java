package dev.dirsync.emulator.internal;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A token bucket for writes: it holds at most one second's worth of writes and refills at {@code
 * writesPerSecond}. A refused write learns how many whole seconds to wait (at least 1).
 */
public final class WriteThrottle {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final int writesPerSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    public WriteThrottle(int writesPerSecond, LongSupplier nanoClock) {
        if (writesPerSecond < 1) {
            throw new IllegalArgumentException("writesPerSecond must be positive, was " + writesPerSecond);
        }
        this.writesPerSecond = writesPerSecond;
        this.nanoClock = nanoClock;
        this.tokens = writesPerSecond;
        this.lastRefill = nanoClock.getAsLong();
    }

    public int writesPerSecond() {
        return writesPerSecond;
    }

    /** Takes one write from the bucket; empty if allowed, else the seconds to wait before retrying. */
    public synchronized OptionalLong tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(writesPerSecond, tokens + (now - lastRefill) / NANOS_PER_SECOND * writesPerSecond);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return OptionalLong.empty();
        }
        double secondsUntilOne = (1 - tokens) / writesPerSecond;
        return OptionalLong.of(Math.max(1, (long) Math.ceil(secondsUntilOne)));
    }
}
