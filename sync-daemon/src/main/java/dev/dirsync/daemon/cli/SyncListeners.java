package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.util.List;

/** Several listeners as one. */
final class SyncListeners implements SyncListener {
    private final List<SyncListener> listeners;

    private SyncListeners(List<SyncListener> listeners) {
        this.listeners = listeners;
    }

    static SyncListener of(SyncListener... listeners) {
        return new SyncListeners(List.of(listeners));
    }

    @Override
    public void started(long runId, RunType type) {
        listeners.forEach(l -> l.started(runId, type));
    }

    @Override
    public void stage(String name) {
        listeners.forEach(l -> l.stage(name));
    }

    @Override
    public void progress(RunSummary soFar) {
        listeners.forEach(l -> l.progress(soFar));
    }

    @Override
    public void skipped(SourceEntry entry, String reason) {
        listeners.forEach(l -> l.skipped(entry, reason));
    }

    @Override
    public void blocked(CheckResult result) {
        listeners.forEach(l -> l.blocked(result));
    }

    @Override
    public void planned(Change change) {
        listeners.forEach(l -> l.planned(change));
    }

    @Override
    public void applied(ChangeResult result) {
        listeners.forEach(l -> l.applied(result));
    }
}
