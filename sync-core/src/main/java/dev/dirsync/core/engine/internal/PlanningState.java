package dev.dirsync.core.engine.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import dev.dirsync.core.state.SyncedObject;
import dev.dirsync.core.state.UnmanagedUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The state of a dry run: reads go to the real store; of the writes only the run record is kept,
 * marked planned. No cursor, object, error, removal, uniqueness key, adoption or throttle deadline is written. Does not close the store it
 * wraps.
 */
public final class PlanningState implements StateStore {
    private final StateStore state;

    public PlanningState(StateStore state) {
        this.state = state;
    }

    @Override
    public Optional<SyncCursor> cursor(String sourceKey) {
        return state.cursor(sourceKey);
    }

    @Override
    public void saveCursor(String sourceKey, SyncCursor cursor) {}

    @Override
    public void clearCursor(String sourceKey) {}

    @Override
    public Optional<SyncedObject> object(Anchor anchor) {
        return state.object(anchor);
    }

    @Override
    public void forEachObject(Consumer<SyncedObject> handler) {
        state.forEachObject(handler);
    }

    @Override
    public long objectCount() {
        return state.objectCount();
    }

    @Override
    public void saveObject(SyncedObject object) {}

    @Override
    public void removeObject(Anchor anchor) {}

    @Override
    public RunRecord beginRun(RunType type, String trigger, boolean planned) {
        return state.beginRun(type, trigger, true);
    }

    @Override
    public void updateRun(long runId, RunSummary soFar) {
        state.updateRun(runId, soFar);
    }

    @Override
    public void finishRun(long runId, RunStatus status, RunSummary summary, String errorSummary) {
        state.finishRun(runId, status, summary, errorSummary);
    }

    @Override
    public List<RunRecord> recentRuns(int limit) {
        return state.recentRuns(limit);
    }

    @Override
    public Optional<RunRecord> run(long runId) {
        return state.run(runId);
    }

    @Override
    public int failAbandonedRuns(String reason) {
        return 0;
    }

    @Override
    public void recordError(ObjectError error) {}

    @Override
    public void clearError(Anchor anchor) {}

    @Override
    public List<ObjectError> errors(long runId) {
        return state.errors(runId);
    }

    @Override
    public List<ObjectError> openErrors() {
        return state.openErrors();
    }

    @Override
    public void replacePendingRemovals(Collection<PendingRemoval> removals) {}

    @Override
    public List<PendingRemoval> pendingRemovals() {
        return state.pendingRemovals();
    }

    @Override
    public int approveRemovals(Optional<Long> runId) {
        return 0;
    }

    @Override
    public List<PendingRemoval> approvedRemovals() {
        return state.approvedRemovals();
    }

    @Override
    public Map<Long, Anchor> holders(long[] keys) {
        return state.holders(keys);
    }

    @Override
    public void replaceKeys(Anchor anchor, long[] keys) {}

    @Override
    public void removeKeys(Anchor anchor) {}

    @Override
    public void replaceUnmanaged(Collection<UnmanagedUser> users) {}

    @Override
    public List<UnmanagedUser> unmanagedUsers() {
        return state.unmanagedUsers();
    }

    @Override
    public Optional<UnmanagedUser> adopt(Anchor anchor) {
        return Optional.empty();
    }

    @Override
    public Optional<Instant> writesDeferredUntil(String service) {
        return state.writesDeferredUntil(service);
    }

    @Override
    public void deferWritesUntil(String service, Instant until) {}

    @Override
    public void close() {}
}
