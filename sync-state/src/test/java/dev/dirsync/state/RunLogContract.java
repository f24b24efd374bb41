package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.port.RunLog;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.dirsync.core.port.RunLog}: the run history and per-object errors.
 * Implemented by the test class of each store, which supplies a fresh, empty store per test.
 */
interface RunLogContract {
    /** How the store names itself in failures. */
    String storeName();

    RunLog runs();

    @Test
    default void beginRun_recordsARunningRunWithItsId() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        RunRecord run = runs().beginRun(RunType.DELTA, "schedule");

        assertThat(run.id()).isPositive();
        assertThat(run.type()).isEqualTo(RunType.DELTA);
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.finished()).isNull();
        assertThat(run.summary()).isEqualTo(summary(0));
        assertThat(run.started()).isBetween(before, Instant.now());
        assertThat(runs().run(run.id())).contains(run);
    }

    @Test
    default void beginRun_planned_isKeptThroughProgressAndFinish() {
        RunRecord planned = runs().beginRun(RunType.FULL, "cli", true);
        RunRecord applied = runs().beginRun(RunType.FULL, "cli");

        runs().updateRun(planned.id(), summary(2));
        runs().finishRun(planned.id(), RunStatus.SUCCESS, summary(3), null);

        assertThat(planned.planned()).isTrue();
        assertThat(runs().run(planned.id()))
                .hasValueSatisfying(r -> assertThat(r.planned()).isTrue());
        assertThat(runs().run(applied.id()))
                .hasValueSatisfying(r -> assertThat(r.planned()).isFalse());
    }

    @Test
    default void beginRun_idsIncrease() {
        long first = runs().beginRun(RunType.FULL, "cli").id();
        long second = runs().beginRun(RunType.FULL, "cli").id();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    default void updateRun_storesTheProgressCounts() {
        long runId = runs().beginRun(RunType.FULL, "operator").id();
        RunSummary soFar = new RunSummary(100, 1, 2, 3, 4, 5, 6, 7);

        runs().updateRun(runId, soFar);

        RunRecord run = runs().run(runId).orElseThrow();
        assertThat(run.summary()).isEqualTo(soFar);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    default void updateRun_afterFinish_keepsTheFinalCounts() {
        long runId = runs().beginRun(RunType.FULL, "cli").id();
        runs().finishRun(runId, RunStatus.SUCCESS, summary(10), null);

        runs().updateRun(runId, summary(5));

        assertThat(runs().run(runId).orElseThrow().summary()).isEqualTo(summary(10));
    }

    @Test
    default void updateRun_unknownRun_throwsNamingTheRun() {
        assertThatThrownBy(() -> runs().updateRun(987_654, summary(1)))
                .isInstanceOf(DirsyncException.class)
                .hasMessageContaining("run 987654")
                .hasMessageContaining("no such run");
    }

    @Test
    default void finishRun_storesStatusCountsFinishTimeAndErrorSummary() {
        RunRecord started = runs().beginRun(RunType.FULL, "cli");
        RunSummary summary = new RunSummary(256, 6, 18, 232, 0, 0, 0, 0);

        runs().finishRun(started.id(), RunStatus.PARTIAL, summary, "18 blocked");

        RunRecord run = runs().run(started.id()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.summary()).isEqualTo(summary);
        assertThat(run.errorSummary()).isEqualTo("18 blocked");
        assertThat(run.finished()).isNotNull().isAfterOrEqualTo(run.started());
        assertThat(run.started()).isEqualTo(started.started());
        assertThat(run.type()).isEqualTo(RunType.FULL);
        assertThat(run.trigger()).isEqualTo("cli");
    }

    @Test
    default void finishRun_everyStatus_roundTrips() {
        for (RunStatus status : RunStatus.values()) {
            long runId = runs().beginRun(RunType.FULL, "cli").id();
            runs().finishRun(runId, status, summary(1), null);
            assertThat(runs().run(runId).orElseThrow().status()).isEqualTo(status);
        }
    }

    @Test
    default void finishRun_unknownRun_throwsNamingTheRun() {
        assertThatThrownBy(() -> runs().finishRun(555, RunStatus.SUCCESS, summary(0), null))
                .isInstanceOf(DirsyncException.class)
                .hasMessageContaining("finish run 555")
                .hasMessageContaining(storeName());
    }

    @Test
    default void recentRuns_mostRecentFirst_upToTheLimit() {
        long a = runs().beginRun(RunType.FULL, "cli").id();
        long b = runs().beginRun(RunType.DELTA, "schedule").id();
        long c = runs().beginRun(RunType.DELTA, "operator").id();
        runs().finishRun(a, RunStatus.SUCCESS, summary(1), null);

        assertThat(runs().recentRuns(2)).extracting(RunRecord::id).containsExactly(c, b);
        assertThat(runs().recentRuns(10)).extracting(RunRecord::id).containsExactly(c, b, a);
        assertThat(runs().recentRuns(0)).isEmpty();
        assertThatThrownBy(() -> runs().recentRuns(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void run_unknownId_isEmpty() {
        assertThat(runs().run(123_456)).isEmpty();
    }

    @Test
    default void failAbandonedRuns_marksOnlyRunningRunsFailed_withTheReason() {
        long done = runs().beginRun(RunType.FULL, "cli").id();
        runs().finishRun(done, RunStatus.SUCCESS, summary(3), null);
        long abandoned1 = runs().beginRun(RunType.FULL, "schedule").id();
        runs().updateRun(abandoned1, summary(2));
        long abandoned2 = runs().beginRun(RunType.DELTA, "schedule").id();

        int marked = runs().failAbandonedRuns("interrupted");

        assertThat(marked).isEqualTo(2);
        for (long id : List.of(abandoned1, abandoned2)) {
            RunRecord run = runs().run(id).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.errorSummary()).isEqualTo("interrupted");
            assertThat(run.finished()).isNotNull();
        }
        assertThat(runs().run(abandoned1).orElseThrow().summary()).isEqualTo(summary(2));
        RunRecord untouched = runs().run(done).orElseThrow();
        assertThat(untouched.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(untouched.errorSummary()).isNull();
        assertThat(runs().failAbandonedRuns("interrupted")).isZero();
    }

    // --- errors ---------------------------------------------------------------------------------

    @Test
    default void recordError_countsAttemptsPerAnchor() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        long run2 = runs().beginRun(RunType.DELTA, "schedule").id();
        long run3 = runs().beginRun(RunType.DELTA, "schedule").id();

        runs().recordError(error(1, run1, "retryable"));
        runs().recordError(error(2, run1, "rejected"));
        runs().recordError(error(1, run2, "retryable"));
        runs().recordError(error(1, run3, "conflict"));

        assertThat(runs().openErrors())
                .extracting(ObjectError::anchor, ObjectError::attempts, ObjectError::runId, ObjectError::kind)
                .containsExactlyInAnyOrder(
                        tuple(anchor(1), 3, run3, "conflict"), tuple(anchor(2), 1, run1, "rejected"));
    }

    @Test
    default void recordError_ignoresTheCallersAttempts_andKeepsEveryField() {
        long runId = runs().beginRun(RunType.FULL, "cli").id();
        Instant at = Instant.parse("2024-05-01T10:15:30.123456Z");

        runs().recordError(new ObjectError(
                anchor(7),
                "CN=Bo,DC=corp",
                runId,
                "rejected",
                "Request_BadRequest",
                "Property 'mail' is invalid",
                99,
                at));

        assertThat(runs().errors(runId))
                .containsExactly(new ObjectError(
                        anchor(7),
                        "CN=Bo,DC=corp",
                        runId,
                        "rejected",
                        "Request_BadRequest",
                        "Property 'mail' is invalid",
                        1,
                        at));
    }

    @Test
    default void recordError_withoutTime_isStampedNow() {
        long runId = runs().beginRun(RunType.FULL, "cli").id();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        runs().recordError(new ObjectError(anchor(1), null, runId, "blocked", null, null, 0, null));

        assertThat(runs().openErrors().get(0).at()).isBetween(before, Instant.now());
    }

    @Test
    default void recordError_afterClear_startsAgainAtOne() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        long run2 = runs().beginRun(RunType.FULL, "cli").id();
        runs().recordError(error(1, run1, "retryable"));
        runs().clearError(anchor(1));

        runs().recordError(error(1, run2, "retryable"));

        assertThat(runs().openErrors())
                .singleElement()
                .extracting(ObjectError::attempts)
                .isEqualTo(1);
    }

    @Test
    default void errors_ofARun_remainAfterLaterRunsClearThem() {
        long run1 = runs().beginRun(RunType.FULL, "cli").id();
        runs().recordError(error(1, run1, "retryable"));
        runs().recordError(error(2, run1, "rejected"));
        long run2 = runs().beginRun(RunType.DELTA, "schedule").id();
        runs().recordError(error(2, run2, "rejected"));
        runs().clearError(anchor(1));
        runs().clearError(anchor(2));

        assertThat(runs().openErrors()).isEmpty();
        assertThat(runs().errors(run1))
                .extracting(ObjectError::anchor, ObjectError::attempts, ObjectError::kind)
                .containsExactlyInAnyOrder(tuple(anchor(1), 1, "retryable"), tuple(anchor(2), 1, "rejected"));
        assertThat(runs().errors(run2))
                .extracting(ObjectError::anchor, ObjectError::attempts)
                .containsExactly(tuple(anchor(2), 2));
        assertThat(runs().errors(999_999)).isEmpty();
    }

    @Test
    default void openErrors_listsOnlyErrorsNotCleared() {
        long runId = runs().beginRun(RunType.FULL, "cli").id();
        for (int i = 1; i <= 3; i++) {
            runs().recordError(error(i, runId, "retryable"));
        }

        runs().clearError(anchor(2));
        runs().clearError(anchor(404));

        assertThat(runs().openErrors()).extracting(ObjectError::anchor).containsExactlyInAnyOrder(anchor(1), anchor(3));
    }
}
