package dev.dirsync.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelApplyTest {
    private final ParallelApply parallel = new ParallelApply(4, "test-apply");

    @AfterEach
    void stop() {
        parallel.close();
    }

    private static List<Change> changes(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (Change) new Change.Remove("id-" + i, new Anchor("anchor-" + i)))
                .toList();
    }

    private static List<ChangeResult> ok(List<Change> unit) {
        return unit.stream()
                .map(change -> ChangeResult.ok(change, ((Change.Remove) change).cloudId()))
                .toList();
    }

    private List<ChangeResult> apply(List<Change> changes, int unitSize, ParallelApply.UnitWork work) {
        List<ChangeResult> results = new ArrayList<>();
        parallel.apply(changes, unitSize, work, results::add);
        return results;
    }

    @Test
    void results_comeInTheOrderOfTheChanges_whicheverUnitFinishesFirst() {
        List<Change> changes = changes(40);

        List<ChangeResult> results = apply(changes, 5, unit -> {
            int index = changes.indexOf(unit.get(0));
            sleep(40 - index);
            return ok(unit);
        });

        assertThat(results).extracting(ChangeResult::change).containsExactlyElementsOf(changes);
        assertThat(results).allMatch(ChangeResult::succeeded);
    }

    @Test
    void units_haveTheGivenSize_andRunUpToConcurrencyAtOnce() {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourRunning = new CountDownLatch(4);

        apply(changes(45), 10, unit -> {
            sizes.add(unit.size());
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            fourRunning.countDown();
            await(fourRunning);
            running.decrementAndGet();
            return ok(unit);
        });

        assertThat(sizes).containsExactlyInAnyOrder(10, 10, 10, 10, 5);
        assertThat(most.get()).isEqualTo(4);
    }

    @Test
    void results_areReportedOnTheCallingThread() {
        List<Thread> reporters = new CopyOnWriteArrayList<>();
        List<Thread> workers = new CopyOnWriteArrayList<>();

        parallel.apply(
                changes(12),
                3,
                unit -> {
                    workers.add(Thread.currentThread());
                    return ok(unit);
                },
                result -> reporters.add(Thread.currentThread()));

        assertThat(reporters).hasSize(12).containsOnly(Thread.currentThread());
        assertThat(workers).doesNotContain(Thread.currentThread());
    }

    @Test
    void aUnitThatThrows_stopsTheOthersAndIsRethrownOnceNoneRuns() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch othersRunning = new CountDownLatch(3);
        List<ChangeResult> results = new ArrayList<>();

        assertThatThrownBy(() -> parallel.apply(
                        changes(100),
                        1,
                        unit -> {
                            started.incrementAndGet();
                            running.incrementAndGet();
                            try {
                                if (((Change.Remove) unit.get(0)).cloudId().equals("id-0")) {
                                    await(othersRunning);
                                    throw new CredentialsRejectedException("the token endpoint rejected client id c");
                                }
                                othersRunning.countDown();
                                sleep(10_000);
                                return ok(unit);
                            } finally {
                                running.decrementAndGet();
                            }
                        },
                        results::add))
                .isInstanceOf(CredentialsRejectedException.class);

        assertThat(running.get()).as("units still running after apply returned").isZero();
        assertThat(started.get()).isLessThan(100);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void interruptedBeforehand_everyChangeIsReportedNotSentWithoutWork() {
        AtomicInteger units = new AtomicInteger();
        Thread.currentThread().interrupt();

        List<ChangeResult> results;
        try {
            results = apply(changes(3), 1, unit -> {
                units.incrementAndGet();
                return ok(unit);
            });
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(units.get()).isZero();
        assertThat(results).hasSize(3).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(result.errorCode()).isEqualTo("INTERRUPTED");
        });
    }

    @Test
    void interruptedWhileRunning_runningUnitsStopAndTheRestIsNotSent() throws InterruptedException {
        CountDownLatch fourRunning = new CountDownLatch(4);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            await(fourRunning);
            caller.interrupt();
        });
        interrupter.start();

        List<ChangeResult> results;
        try {
            results = apply(changes(20), 1, unit -> {
                fourRunning.countDown();
                try {
                    Thread.sleep(10_000);
                    return ok(unit);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return unit.stream()
                            .map(change -> ChangeResult.failed(
                                    change, Outcome.RETRYABLE, "INTERRUPTED", "interrupted while sending"))
                            .toList();
                }
            });
        } finally {
            assertThat(Thread.interrupted())
                    .as("the caller's interrupt is kept")
                    .isTrue();
            interrupter.join();
        }

        assertThat(results).hasSize(20).allMatch(result -> result.outcome() == Outcome.RETRYABLE);
        assertThat(results)
                .filteredOn(result -> result.message().equals("interrupted while sending"))
                .hasSize(4);
        assertThat(results)
                .filteredOn(result -> result.message().equals("not sent: the run was interrupted"))
                .hasSize(16);

        // The pool's threads come back clean: the next run is not interrupted.
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        apply(changes(8), 1, unit -> {
            interrupted.add(Thread.currentThread().isInterrupted());
            return ok(unit);
        });
        assertThat(interrupted).hasSize(8).containsOnly(false);
    }

    @Test
    void aUnitReportingTheWrongNumberOfResults_isAnError() {
        assertThatThrownBy(() -> apply(changes(2), 2, unit -> ok(unit.subList(0, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("1 results for 2 changes");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
