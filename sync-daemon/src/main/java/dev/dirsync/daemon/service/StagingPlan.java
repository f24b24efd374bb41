package dev.dirsync.daemon.service;

import java.time.Instant;
import java.util.List;

/**
 * What the latest staging run would have exported.
 *
 * @param total every planned change, also those beyond the kept list
 * @param changes the first {@link #KEPT} planned changes, in plan order
 */
public record StagingPlan(long runId, Instant finished, long total, List<PlannedChange> changes) {
    public static final int KEPT = 10_000;

    public StagingPlan {
        changes = List.copyOf(changes);
    }

    public boolean truncated() {
        return total > changes.size();
    }
}
