package dev.dirsync.cloud.graph;

import java.time.Duration;

/**
 * How many writes (creates, updates, removals; each item of a batch counts) the adapter sends per
 * window at most. Graph allows an application 3,000 writes per 150 seconds in one tenant.
 *
 * @param count writes per window, at least 1
 * @param window the window, positive
 */
public record WriteBudget(int count, Duration window) {

    public static final WriteBudget GRAPH_DEFAULT = new WriteBudget(3_000, Duration.ofSeconds(150));

    public WriteBudget {
        if (window == null) {
            throw new IllegalArgumentException("target.writeBudget.window is required");
        }
        if (count < 1) {
            throw new IllegalArgumentException("target.writeBudget.count must be at least 1, got " + count);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("target.writeBudget.window must be positive, got " + window);
        }
    }

    /** Writes per second. */
    public double perSecond() {
        return count * 1e9 / window.toNanos();
    }

    @Override
    public String toString() {
        return count + " per " + window.toMillis() / 1000.0 + " s";
    }
}
