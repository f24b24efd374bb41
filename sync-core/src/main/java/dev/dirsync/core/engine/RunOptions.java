package dev.dirsync.core.engine;

/** @param dryRun read and plan, write nothing: planned changes go to {@link SyncListener#planned} only */
public record RunOptions(boolean dryRun) {
    public static final RunOptions APPLY = new RunOptions(false);
    public static final RunOptions DRY_RUN = new RunOptions(true);
}
