package dev.dirsync.daemon.service;

import dev.dirsync.core.state.RunType;
import java.time.Instant;
import java.util.Objects;

/**
 * One request for a run, from the schedule or an operator.
 *
 * @param id this daemon's number for the request (not the run id, which the state store assigns
 *     once the run begins)
 * @param scheduledFor the slot of a scheduled run; null for an operator's request
 */
public record RunRequest(long id, RunType type, String kind, Instant scheduledFor, Instant requested) {
    public RunRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requested, "requested");
    }

    RunRequest withType(RunType newType) {
        return new RunRequest(id, newType, kind, scheduledFor, requested);
    }

    String triggerText(String node) {
        return new TriggerText(kind, scheduledFor, node).format();
    }
}
