package dev.dirsync.core.engine;

import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;

/** Observes a run as it goes: progress, planned changes, per-object outcomes. Every method optional. */
public interface SyncListener {

    SyncListener NONE = new SyncListener() {};

    /** The run was recorded under {@code runId}; called once, before anything is read. */
    default void started(long runId, RunType type) {}

    /** A stage began ("reading cloud", "reading directory", ...). */
    default void stage(String name) {}

    /** Called after each entry and each applied batch; the counts so far. */
    default void progress(RunSummary soFar) {}

    default void skipped(SourceEntry entry, String reason) {}

    default void blocked(CheckResult result) {}

    /** A change the planner made; in a dry run it is only listed, never applied. */
    default void planned(Change change) {}

    /** What became of an applied change. */
    default void applied(ChangeResult result) {}
}
