package dev.dirsync.cloud.internal;

import java.time.Duration;

/** Waits between attempts. Tests substitute one that records the requested delays. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for at least {@code delay}. */
    void sleep(Duration delay) throws InterruptedException;

    /** Really waits, and never returns before the full delay has passed (spurious wake-ups are slept off). */
    Sleeper SYSTEM = delay -> {
        long deadline = System.nanoTime() + delay.toNanos();
        long left = delay.toNanos();
        while (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            left = deadline - System.nanoTime();
        }
    };
}
