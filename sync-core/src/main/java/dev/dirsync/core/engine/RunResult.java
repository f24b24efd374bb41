package dev.dirsync.core.engine;

import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;

/**
 * @param type what the run actually did (a delta without a cursor becomes FULL)
 * @param cursor where the next delta read starts; stored by the engine when the run's changes were
 *     exported or recorded for retry
 * @param pendingRemovals removals held by the deletion guard
 * @param note why the status is what it is, when that needs saying; null otherwise
 */
public record RunResult(
        long runId,
        RunType type,
        RunStatus status,
        RunSummary summary,
        SyncCursor cursor,
        int pendingRemovals,
        String note) {}
