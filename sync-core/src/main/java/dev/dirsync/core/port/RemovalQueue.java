package dev.dirsync.core.port;

import dev.dirsync.core.state.PendingRemoval;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Removals held by the deletion threshold until an operator approves them. */
public interface RemovalQueue {

    /**
     * Replaces the pending removals with these (the latest run's view); a removal proposed again
     * for the same anchor keeps its approval.
     */
    void replacePendingRemovals(Collection<PendingRemoval> removals);

    /** Removals held and still awaiting an operator's approval (approved ones are not listed here). */
    List<PendingRemoval> pendingRemovals();

    /** Approves the pending removals (of one run, or all when empty): the next run exports them. */
    int approveRemovals(Optional<Long> runId);

    /** Anchors whose removal an operator approved and that are not yet exported. */
    List<PendingRemoval> approvedRemovals();
}
