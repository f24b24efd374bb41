package dev.dirsync.core.port;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.util.List;
import java.util.Optional;

/** The run history and the per-object errors each run recorded. */
public interface RunLog {

    /**
     * Records a run as started (status RUNNING) and returns it with its id.
     *
     * @param planned a dry run: it plans and exports nothing
     */
    RunRecord beginRun(RunType type, String trigger, boolean planned);

    /** Records a run that exports as started. */
    default RunRecord beginRun(RunType type, String trigger) {
        return beginRun(type, trigger, false);
    }

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

    /** Records a failure; attempts = previous attempts of the same anchor + 1. */
    void recordError(ObjectError error);

    void clearError(Anchor anchor);

    /** Errors recorded by one run. */
    List<ObjectError> errors(long runId);

    /** Every open error (the anchors to retry). */
    List<ObjectError> openErrors();
}
