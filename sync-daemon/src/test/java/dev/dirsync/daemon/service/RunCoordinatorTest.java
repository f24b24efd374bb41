package dev.dirsync.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.it.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RunCoordinatorTest {
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final FakeRuns runs = new FakeRuns(state, 600);
    private final RunCoordinator coordinator =
            new RunCoordinator(runs, state, RunLock.LOCAL, new RunMetrics(), "node-a", false);

    @AfterEach
    void stop() {
        coordinator.stop(Duration.ofSeconds(5));
    }

    @Test
    void operatorRequest_whenIdle_startsAtOnce_withItsRunId() {
        RunCoordinator.Submission submission = coordinator.submit(RunType.FULL);

        assertThat(submission.queued()).isFalse();
        assertThat(submission.request().runId()).isEqualTo(1);
        assertThat(submission.request().state()).isEqualTo(RequestState.RUNNING);
        assertThat(state.run(1)).hasValueSatisfying(r -> assertThat(r.trigger()).isEqualTo("operator on node-a"));
    }

    @Test
    void requestsDuringARun_queueAtMostOne_andAFullRequestUpgradesAQueuedDelta() {
        coordinator.submit(RunType.DELTA);
        RunCoordinator.Submission second = coordinator.submit(RunType.DELTA);
        RunCoordinator.Submission third = coordinator.submit(RunType.FULL);

        assertThat(second.queued()).isTrue();
        assertThat(second.running()).isPresent();
        assertThat(third.queued()).isTrue();
        assertThat(third.request().request()).isEqualTo(second.request().request());
        assertThat(coordinator.queuedRequest())
                .hasValueSatisfying(q -> assertThat(q.type()).isEqualTo(RunType.FULL));

        Waits.until("the queued run to finish", Duration.ofSeconds(10), () -> coordinator
                .request(second.request().request())
                .map(r -> r.state().equals(RequestState.FINISHED))
                .orElse(false));
        assertThat(runs.runs).hasSize(2);
        assertThat(runs.runs.get(1).type()).isEqualTo(RunType.FULL);
        assertThat(runs.mostAtOnce.get()).isEqualTo(1);
        assertThat(coordinator.request(second.request().request()).orElseThrow().runId())
                .isEqualTo(2);
    }

    @Test
    void scheduledRun_waitsForTheOperatorsRun_neverOverlaps() throws InterruptedException {
        coordinator.submit(RunType.FULL);
        Thread scheduled =
                new Thread(() -> coordinator.runScheduled(RunType.DELTA, Instant.parse("2030-01-01T03:00:00Z")));
        scheduled.start();
        scheduled.join(10_000);

        assertThat(runs.runs).hasSize(2);
        assertThat(runs.mostAtOnce.get()).isEqualTo(1);
        assertThat(state.run(2)).hasValueSatisfying(r -> assertThat(r.trigger())
                .isEqualTo("schedule at 2030-01-01T03:00:00Z on node-a"));
    }

    @Test
    void stop_asksTheRunToStop_dropsTheQueue_andRefusesNewRequests() {
        coordinator.submit(RunType.FULL);
        RunCoordinator.Submission queued = coordinator.submit(RunType.DELTA);

        assertThat(coordinator.stop(Duration.ofSeconds(5))).isTrue();

        assertThat(state.run(1)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorSummary()).isEqualTo("stopped by shutdown");
        });
        assertThat(coordinator.request(queued.request().request()).orElseThrow().state())
                .isEqualTo(RequestState.FAILED);
        assertThat(coordinator.submit(RunType.FULL).request().message()).contains("shutting down");
        assertThat(runs.runs).hasSize(1);
    }

    @Test
    void runsLeftRunningByADeadDaemon_areMarkedFailed_beforeTheNextRun() {
        long abandoned = state.beginRun(RunType.FULL, "operator on node-b").id();

        coordinator.submit(RunType.DELTA);

        assertThat(state.run(abandoned)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorSummary()).startsWith("interrupted");
        });
    }

    @Test
    void theRunsLogLines_carryItsRunId_andOnlyWhileItRuns() {
        List<String> seen = new ArrayList<>();
        RunCoordinator mdc = new RunCoordinator(
                (options, listener, stop) -> {
                    seen.add(MDC.get(LiveRun.MDC_KEY));
                    long id = state.beginRun(options.type(), options.trigger()).id();
                    listener.started(id, options.type());
                    seen.add(MDC.get(LiveRun.MDC_KEY));
                    return new RunResult(id, options.type(), RunStatus.SUCCESS, FakeRuns.NONE, null, 0, null);
                },
                state,
                RunLock.LOCAL,
                new RunMetrics(),
                "node-a",
                false);

        mdc.runScheduled(RunType.DELTA, Instant.now());

        assertThat(seen).containsExactly(null, "1");
        assertThat(MDC.get(LiveRun.MDC_KEY)).isNull();
        mdc.stop(Duration.ofSeconds(1));
    }
}
