package dev.dirsync.core.engine;

import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.time.Instant;

/**
 * @param type what the run actually did (a delta without a cursor becomes FULL)
 * @param cursor where the next delta read starts; stored by the engine when the run's changes were
 *     exported or recorded for retry
 * @param pendingRemovals removals held by the deletion guard
 * @param note why the status is what it is, when that needs saying; null otherwise
 * @param deferredUntil the time before which the cloud service asked for no writes, when changes
 *     were left for a run after it; null otherwise
 */
public record RunResult(
        long runId,
        RunType type,
        RunStatus status,
        RunSummary summary,
        SyncCursor cursor,
        int pendingRemovals,
        String note,
        Instant deferredUntil) {

    /** A run that the cloud service did not defer. */
    public RunResult(
            long runId,
            RunType type,
            RunStatus status,
            RunSummary summary,
            SyncCursor cursor,
            int pendingRemovals,
            String note) {
        this(runId, type, status, summary, cursor, pendingRemovals, note, null);
    }
}
