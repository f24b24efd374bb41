package dev.dirsync.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.config.ScheduleConfig;
import dev.dirsync.daemon.it.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;

class SyncSchedulerTest {
    private final InMemoryStateStore state = new InMemoryStateStore();
    private FakeRuns runs;
    private RunCoordinator coordinator;
    private SyncScheduler scheduler;

    private void start(ScheduleConfig schedule, FirstFires first, long runMillis) {
        runs = new FakeRuns(state, runMillis);
        coordinator = new RunCoordinator(runs, state, RunLock.LOCAL, new RunMetrics(), "node-a", false);
        scheduler = SyncScheduler.create(schedule, first, coordinator, Optional.empty(), "node-a");
        scheduler.start();
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.pause();
            coordinator.stop(Duration.ofSeconds(5));
            scheduler.close();
        }
    }

    @Test
    void slotsMissedWhileDown_runOnce_deltaAndFull() {
        Instant now = Instant.now();
        // the last run was three hours ago: 180 delta slots and two nightly full slots were missed
        start(
                new ScheduleConfig(Duration.ofMinutes(1), "0 0 3 * * ?", false),
                new FirstFires(now.minus(Duration.ofHours(3)), now.minus(Duration.ofDays(2))),
                50);

        Waits.until("the make-up runs", Duration.ofSeconds(10), () -> runs.runs.size() >= 2);
        Waits.sleep(1_500);

        List<RunType> types = runs.runs.stream().map(RunOptions::type).toList();
        assertThat(types).containsExactlyInAnyOrder(RunType.DELTA, RunType.FULL);
        assertThat(scheduler.nextDelta())
                .hasValueSatisfying(next -> assertThat(next).isBetween(now.plusSeconds(50), now.plusSeconds(75)));
        assertThat(scheduler.nextFull())
                .hasValueSatisfying(next -> assertThat(next).isAfter(now));
    }

    @Test
    void runs_neverOverlap_whenSlotsComeFasterThanRunsEnd_orAnOperatorAsksMeanwhile() {
        Instant now = Instant.now();
        start(new ScheduleConfig(Duration.ofSeconds(1), "* * * * * ?", false), new FirstFires(now, now), 700);

        for (int i = 0; i < 4; i++) {
            coordinator.submit(i % 2 == 0 ? RunType.FULL : RunType.DELTA);
            Waits.sleep(500);
        }
        Waits.sleep(1_500);

        assertThat(runs.runs.size()).isGreaterThanOrEqualTo(4);
        assertThat(runs.mostAtOnce.get()).isEqualTo(1);
        assertThat(runs.runs).anySatisfy(o -> assertThat(o.trigger()).startsWith("schedule at "));
        assertThat(runs.runs).anySatisfy(o -> assertThat(o.trigger()).startsWith("operator"));
    }

    @Test
    void withoutHistory_theFirstDeltaComesOneIntervalAfterStart() {
        Instant now = Instant.parse("2030-05-01T10:00:00Z");
        ScheduleConfig schedule = new ScheduleConfig(Duration.ofMinutes(30), ScheduleConfig.DEFAULT_FULL_CRON, false);

        FirstFires first = FirstFires.from(List.of(), schedule, now);

        assertThat(first.delta()).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(first.full()).isEqualTo(now);
    }

    @Test
    void withHistory_theScheduleContinuesFromTheLastRuns() {
        long full = state.beginRun(RunType.FULL, "schedule").id();
        state.beginRun(RunType.DELTA, "schedule");
        ScheduleConfig schedule = new ScheduleConfig(Duration.ofMinutes(30), ScheduleConfig.DEFAULT_FULL_CRON, false);

        FirstFires first =
                FirstFires.from(state.recentRuns(10), schedule, Instant.now().plus(Duration.ofHours(5)));

        assertThat(first.delta()).isEqualTo(state.run(2).orElseThrow().started().plus(Duration.ofMinutes(30)));
        assertThat(first.full())
                .isEqualTo(state.run(full).orElseThrow().started().plusSeconds(1));
    }

    @Test
    void misfirePolicies_collapseMissedSlotsIntoOneRunNow() {
        Instant now = Instant.now();
        start(ScheduleConfig.defaults(), new FirstFires(now.plusSeconds(3600), now), 10);

        SimpleTrigger delta = (SimpleTrigger) scheduler.deltaTrigger(now);
        CronTrigger full = (CronTrigger) scheduler.fullTrigger(now);

        assertThat(delta.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_REMAINING_REPEAT_COUNT);
        assertThat(delta.getRepeatInterval()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(full.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(full.getCronExpression()).isEqualTo("0 0 3 * * ?");
        assertThat(scheduler.clustered()).isFalse();
    }
}
