package dev.dirsync.core.port;

import dev.dirsync.core.engine.RunSummary;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunType;
import dev.dirsync.core.state.SyncedObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What dirsync remembers between runs. Every method is its own transaction unless stated; an
 * implementation must survive the process being killed at any point without losing a write that
 * returned.
 */
public interface StateStore extends AutoCloseable {

    // --- source cursor -------------------------------------------------------------------------

    /** The cursor stored for {@code sourceKey} (a source's identity, e.g. its URL and bases). */
    Optional<SyncCursor> cursor(String sourceKey);

    void saveCursor(String sourceKey, SyncCursor cursor);

    /** Forgets the cursor (the next run reads in full). */
    void clearCursor(String sourceKey);

    // --- objects dirsync manages ---------------------------------------------------------------

    Optional<SyncedObject> object(Anchor anchor);

    /** Streams every managed object; the handler must not call back into the store. */
    void forEachObject(Consumer<SyncedObject> handler);

    long objectCount();

    /** Inserts or replaces by anchor. */
    void saveObject(SyncedObject object);

    void removeObject(Anchor anchor);

    // --- runs ----------------------------------------------------------------------------------

    /** Records a run as started (status RUNNING) and returns it with its id. */
    RunRecord beginRun(RunType type, String trigger);

    /** Updates the counts of a running run (progress). */
    void updateRun(long runId, RunSummary soFar);

    void finishRun(long runId, RunStatus status, RunSummary summary, String errorSummary);

    /** Most recent first. */
    List<RunRecord> recentRuns(int limit);

    Optional<RunRecord> run(long runId);

    /**
     * Marks runs left RUNNING by a process that died as FAILED ("interrupted"); called at start-up.
     *
     * @return how many were marked
     */
    int failAbandonedRuns(String reason);

    // --- per-object errors ---------------------------------------------------------------------

    /** Records a failure; attempts = previous attempts of the same anchor + 1. */
    void recordError(ObjectError error);

    void clearError(Anchor anchor);

    /** Errors recorded by one run. */
    List<ObjectError> errors(long runId);

    /** Every open error (the anchors to retry). */
    List<ObjectError> openErrors();

    // --- removals held by the deletion threshold -------------------------------------------------

    /** Replaces the pending removals with these (the latest run's view). */
    void replacePendingRemovals(Collection<PendingRemoval> removals);

    /** Removals held and still awaiting an operator's approval (approved ones are not listed here). */
    List<PendingRemoval> pendingRemovals();

    /** Approves the pending removals (of one run, or all when empty): the next run exports them. */
    int approveRemovals(Optional<Long> runId);

    /** Anchors whose removal an operator approved and that are not yet exported. */
    List<PendingRemoval> approvedRemovals();

    @Override
    void close();
}
