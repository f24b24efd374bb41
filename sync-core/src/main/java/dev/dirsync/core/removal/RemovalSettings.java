package dev.dirsync.core.removal;

import java.util.Objects;

/**
 * The deletion guard: more removals in one run than {@code threshold} objects, or than
 * {@code thresholdPercent} percent of the synced objects, are held for an operator's approval.
 */
public record RemovalSettings(RemovalAction action, int threshold, int thresholdPercent) {
    public static final int DEFAULT_THRESHOLD = 500;
    public static final int DEFAULT_THRESHOLD_PERCENT = 10;

    public RemovalSettings {
        Objects.requireNonNull(action, "action");
        if (threshold < 0) {
            throw new IllegalArgumentException("removal.threshold must be 0 or more, got " + threshold);
        }
        if (thresholdPercent < 0 || thresholdPercent > 100) {
            throw new IllegalArgumentException(
                    "removal.thresholdPercent must be between 0 and 100, got " + thresholdPercent);
        }
    }

    public static RemovalSettings defaults() {
        return new RemovalSettings(RemovalAction.DELETE, DEFAULT_THRESHOLD, DEFAULT_THRESHOLD_PERCENT);
    }

    /** Whether {@code removals} out of {@code synced} managed objects exceed the guard. */
    public boolean exceeded(long removals, long synced) {
        if (removals == 0) {
            return false;
        }
        boolean overCount = removals > threshold;
        boolean overPercent = synced > 0 && removals * 100 > (long) thresholdPercent * synced;
        return overCount || overPercent;
    }
}
