package dev.dirsync.core.state;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.port.SyncCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** State kept for the life of the process, for tests. Thread-safe by monitor. */
public final class InMemoryStateStore implements StateStore {
    private final Map<String, SyncCursor> cursors = new LinkedHashMap<>();
    private final Map<Anchor, SyncedObject> objects = new LinkedHashMap<>();
    private final Map<Long, RunRecord> runs = new LinkedHashMap<>();
    private final Map<Anchor, ObjectError> openErrors = new LinkedHashMap<>();
    private final List<ObjectError> errorHistory = new ArrayList<>();
    private final Map<Anchor, PendingRemoval> pending = new LinkedHashMap<>();
    private final Map<Anchor, Boolean> approved = new LinkedHashMap<>();
    private final Map<String, Instant> throttleDeadlines = new LinkedHashMap<>();
    private final Map<Long, Anchor> valueHolders = new LinkedHashMap<>();
    private final Map<Anchor, UnmanagedUser> unmanaged = new LinkedHashMap<>();
    private long nextRunId = 1;

    @Override
    public synchronized Optional<SyncCursor> cursor(String sourceKey) {
        return Optional.ofNullable(cursors.get(sourceKey));
    }

    @Override
    public synchronized void saveCursor(String sourceKey, SyncCursor cursor) {
        cursors.put(sourceKey, cursor);
    }

    @Override
    public synchronized void clearCursor(String sourceKey) {
        cursors.remove(sourceKey);
    }

    @Override
    public synchronized Optional<SyncedObject> object(Anchor anchor) {
        return Optional.ofNullable(objects.get(anchor));
    }

    @Override
    public void forEachObject(Consumer<SyncedObject> handler) {
        List<SyncedObject> copy;
        synchronized (this) {
            copy = List.copyOf(objects.values());
        }
        copy.forEach(handler);
    }

    @Override
    public synchronized long objectCount() {
        return objects.size();
    }

    @Override
    public synchronized void saveObject(SyncedObject object) {
        objects.put(object.anchor(), object);
    }

    @Override
    public synchronized void removeObject(Anchor anchor) {
        objects.remove(anchor);
        pending.remove(anchor);
        approved.remove(anchor);
    }

    @Override
    public synchronized RunRecord beginRun(RunType type, String trigger, boolean planned) {
        RunRecord record = new RunRecord(
                nextRunId++,
                type,
                trigger,
                Instant.now(),
                null,
                RunStatus.RUNNING,
                new RunSummary(0, 0, 0, 0, 0, 0, 0, 0),
                null,
                planned);
        runs.put(record.id(), record);
        return record;
    }

    @Override
    public synchronized void updateRun(long runId, RunSummary soFar) {
        RunRecord r = runs.get(runId);
        runs.put(
                runId,
                new RunRecord(r.id(), r.type(), r.trigger(), r.started(), null, r.status(), soFar, null, r.planned()));
    }

    @Override
    public synchronized void finishRun(long runId, RunStatus status, RunSummary summary, String errorSummary) {
        RunRecord r = runs.get(runId);
        runs.put(
                runId,
                new RunRecord(
                        r.id(),
                        r.type(),
                        r.trigger(),
                        r.started(),
                        Instant.now(),
                        status,
                        summary,
                        errorSummary,
                        r.planned()));
    }

    @Override
    public synchronized List<RunRecord> recentRuns(int limit) {
        return runs.values().stream()
                .sorted(Comparator.comparingLong(RunRecord::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<RunRecord> run(long runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized int failAbandonedRuns(String reason) {
        int count = 0;
        for (RunRecord r : List.copyOf(runs.values())) {
            if (r.status() == RunStatus.RUNNING) {
                finishRun(r.id(), RunStatus.FAILED, r.summary(), reason);
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized void recordError(ObjectError error) {
        ObjectError previous = openErrors.get(error.anchor());
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        ObjectError counted = new ObjectError(
                error.anchor(),
                error.dn(),
                error.runId(),
                error.kind(),
                error.code(),
                error.message(),
                attempts,
                error.at());
        openErrors.put(error.anchor(), counted);
        errorHistory.add(counted);
    }

    @Override
    public synchronized void clearError(Anchor anchor) {
        openErrors.remove(anchor);
    }

    @Override
    public synchronized List<ObjectError> errors(long runId) {
        return errorHistory.stream().filter(e -> e.runId() == runId).toList();
    }

    @Override
    public synchronized List<ObjectError> openErrors() {
        return List.copyOf(openErrors.values());
    }

    @Override
    public synchronized void replacePendingRemovals(Collection<PendingRemoval> removals) {
        Map<Anchor, Boolean> keep = new LinkedHashMap<>();
        pending.clear();
        for (PendingRemoval removal : removals) {
            pending.put(removal.anchor(), removal);
            keep.put(removal.anchor(), approved.getOrDefault(removal.anchor(), false));
        }
        approved.clear();
        approved.putAll(keep);
    }

    @Override
    public synchronized List<PendingRemoval> pendingRemovals() {
        return pending.values().stream()
                .filter(r -> !approved.getOrDefault(r.anchor(), false))
                .toList();
    }

    @Override
    public synchronized int approveRemovals(Optional<Long> runId) {
        int count = 0;
        for (PendingRemoval removal : pending.values()) {
            if (runId.isEmpty() || runId.get() == removal.runId()) {
                approved.put(removal.anchor(), true);
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized List<PendingRemoval> approvedRemovals() {
        return pending.values().stream()
                .filter(r -> approved.getOrDefault(r.anchor(), false))
                .toList();
    }

    @Override
    public synchronized Optional<Instant> writesDeferredUntil(String service) {
        return Optional.ofNullable(throttleDeadlines.get(service));
    }

    @Override
    public synchronized void deferWritesUntil(String service, Instant until) {
        throttleDeadlines.merge(service, until, (stored, later) -> later.isAfter(stored) ? later : stored);
    }

    @Override
    public synchronized Map<Long, Anchor> holders(long[] keys) {
        Map<Long, Anchor> holders = new LinkedHashMap<>();
        for (long key : keys) {
            Anchor holder = valueHolders.get(key);
            if (holder != null) {
                holders.put(key, holder);
            }
        }
        return holders;
    }

    @Override
    public synchronized void replaceKeys(Anchor anchor, long[] keys) {
        removeKeys(anchor);
        for (long key : keys) {
            valueHolders.putIfAbsent(key, anchor);
        }
    }

    @Override
    public synchronized void removeKeys(Anchor anchor) {
        valueHolders.values().removeIf(anchor::equals);
    }

    @Override
    public synchronized void replaceUnmanaged(Collection<UnmanagedUser> users) {
        unmanaged.clear();
        users.forEach(user -> unmanaged.put(user.object().anchor(), user));
    }

    @Override
    public synchronized List<UnmanagedUser> unmanagedUsers() {
        return List.copyOf(unmanaged.values());
    }

    @Override
    public synchronized Optional<UnmanagedUser> adopt(Anchor anchor) {
        UnmanagedUser user = unmanaged.remove(anchor);
        if (user != null) {
            objects.put(anchor, user.object());
        }
        return Optional.ofNullable(user);
    }

    @Override
    public void close() {}
}
