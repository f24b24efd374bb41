package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.port.RemovalQueue;
import dev.dirsync.core.port.RunLog;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.dirsync.core.port.RemovalQueue}: removals held for approval.
 * Implemented by the test class of each store, which supplies a fresh, empty store per test.
 */
interface RemovalQueueContract {
    ObjectStore objects();

    RemovalQueue removals();

    RunLog runs();

    @Test
    default void replacePendingRemovals_replacesThePreviousView() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        long run2 = runs().beginRun(RunType.FULL, "cli").id();
        removals().replacePendingRemovals(List.of(removal(1, run1), removal(2, run1)));

        removals().replacePendingRemovals(List.of(removal(2, run2), removal(3, run2)));

        assertThat(removals().pendingRemovals()).containsExactlyInAnyOrder(removal(2, run2), removal(3, run2));
        assertThat(removals().approvedRemovals()).isEmpty();

        removals().replacePendingRemovals(List.of());
        assertThat(removals().pendingRemovals()).isEmpty();
    }

    @Test
    default void approveRemovals_ofOneRun_approvesOnlyThatRunsRemovals() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        long run2 = runs().beginRun(RunType.FULL, "cli").id();
        removals().replacePendingRemovals(List.of(removal(1, run1), removal(2, run1), removal(3, run2)));

        int approved = removals().approveRemovals(Optional.of(run1));

        assertThat(approved).isEqualTo(2);
        assertThat(removals().approvedRemovals()).containsExactlyInAnyOrder(removal(1, run1), removal(2, run1));
        assertThat(removals().pendingRemovals()).containsExactly(removal(3, run2));
        assertThat(removals().approveRemovals(Optional.of(run1))).isZero();
    }

    @Test
    default void approveRemovals_all_approvesEveryPendingRemoval() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        long run2 = runs().beginRun(RunType.FULL, "cli").id();
        removals().replacePendingRemovals(List.of(removal(1, run1), removal(2, run2)));

        int approved = removals().approveRemovals(Optional.empty());

        assertThat(approved).isEqualTo(2);
        assertThat(removals().pendingRemovals()).isEmpty();
        assertThat(removals().approvedRemovals()).containsExactlyInAnyOrder(removal(1, run1), removal(2, run2));
        assertThat(removals().approveRemovals(Optional.empty())).isZero();
    }

    @Test
    default void replacePendingRemovals_keepsTheApprovalOfTheSameRemoval_only() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        long run2 = runs().beginRun(RunType.FULL, "cli").id();
        removals().replacePendingRemovals(List.of(removal(1, run1), removal(2, run1), removal(3, run1)));
        removals().approveRemovals(Optional.of(run1));
        PendingRemoval otherCloudCopy = new PendingRemoval(anchor(2), "cloud-2-recreated", "CN=2", run2, "gone");

        removals().replacePendingRemovals(List.of(removal(1, run2), otherCloudCopy, removal(4, run2)));

        assertThat(removals().approvedRemovals()).containsExactly(removal(1, run2));
        assertThat(removals().pendingRemovals()).containsExactlyInAnyOrder(otherCloudCopy, removal(4, run2));
    }

    @Test
    default void replacePendingRemovals_sameAnchorTwice_keepsTheLast() {
        long runId = runs().beginRun(RunType.FULL, "cli").id();
        PendingRemoval later = new PendingRemoval(anchor(1), "cloud-1", "CN=later", runId, "later");

        removals().replacePendingRemovals(List.of(removal(1, runId), later));

        assertThat(removals().pendingRemovals()).containsExactly(later);
    }

    @Test
    default void removeObject_forgetsItAndItsPendingRemoval() {
        objects().saveObject(object(1));
        objects().saveObject(object(2));
        long runId = runs().beginRun(RunType.FULL, "cli").id();
        removals().replacePendingRemovals(List.of(removal(1, runId), removal(2, runId)));
        removals().approveRemovals(Optional.empty());

        objects().removeObject(anchor(1));

        assertThat(objects().object(anchor(1))).isEmpty();
        assertThat(objects().object(anchor(2))).isPresent();
        assertThat(removals().approvedRemovals())
                .extracting(PendingRemoval::anchor)
                .containsExactly(anchor(2));
    }
}
