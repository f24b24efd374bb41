package dev.dirsync.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One run in the history.
 *
 * @param trigger who asked for it: "schedule", "operator", "cli"
 * @param finished null while running
 * @param summary the counts (so far, while running)
 * @param errorSummary why the run failed, or a short note on failures; null when none
 * @param planned a dry run: its counts are what it would have done; it wrote nothing
 */
public record RunRecord(
        long id,
        RunType type,
        String trigger,
        Instant started,
        Instant finished,
        RunStatus status,
        RunSummary summary,
        String errorSummary,
        boolean planned) {
    public RunRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
    }
}
