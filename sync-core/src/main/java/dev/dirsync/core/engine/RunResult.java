package dev.dirsync.core.engine;

import dev.dirsync.core.port.SyncCursor;

/** @param cursor where the next delta read starts; store it only when the run's changes were exported */
public record RunResult(RunSummary summary, SyncCursor cursor) {
}
