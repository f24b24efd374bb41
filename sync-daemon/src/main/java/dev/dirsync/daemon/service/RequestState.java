package dev.dirsync.daemon.service;

import dev.dirsync.core.state.RunType;

/**
 * Where a request stands.
 *
 * @param state queued (waits for the run in progress), waiting (for another daemon's run to end),
 *     running, finished, or failed (ended before a run was recorded; see {@code message})
 * @param runId the run's id once it began; 0 before
 * @param message why a request failed before its run began; null otherwise
 */
public record RequestState(long request, RunType type, String state, long runId, String message) {
    public static final String QUEUED = "queued";
    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
}
