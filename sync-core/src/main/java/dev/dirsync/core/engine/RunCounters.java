package dev.dirsync.core.engine;

import dev.dirsync.core.state.RunSummary;

/** Mutable tallies of a run in progress; single-threaded, owned by the engine. */
final class RunCounters {
    long read;
    long skipped;
    long blocked;
    long created;
    long updated;
    long deleted;
    long unchanged;
    long failed;

    RunSummary snapshot() {
        return new RunSummary(read, skipped, blocked, created, updated, deleted, unchanged, failed);
    }
}
