package dev.dirsync.core.engine;

import dev.dirsync.core.state.RunType;
import java.util.Objects;

/**
 * @param type FULL, or DELTA (a delta without a stored cursor reads in full)
 * @param dryRun read and plan, write nothing to the cloud nor to the object state: planned
 *     changes go to {@link SyncListener#planned} only
 * @param trigger who asked for the run: "cli", "schedule", "operator"
 */
public record RunOptions(RunType type, boolean dryRun, String trigger) {
    public static final RunOptions APPLY = new RunOptions(RunType.FULL, false, "cli");
    public static final RunOptions DRY_RUN = new RunOptions(RunType.FULL, true, "cli");

    public RunOptions {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
    }
}
