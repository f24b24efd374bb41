package dev.dirsync.daemon.service;

import dev.dirsync.core.RunStoppedException;
import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs that take a set time, record themselves in the state store like the engine does, honour the
 * stop signal, and count how many ran at once.
 */
final class FakeRuns implements RunCoordinator.RunExecutor {
    static final RunSummary NONE = new RunSummary(0, 0, 0, 0, 0, 0, 0, 0);

    private final StateStore state;
    private final long millis;
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final List<RunOptions> runs = new CopyOnWriteArrayList<>();

    FakeRuns(StateStore state, long millis) {
        this.state = state;
        this.millis = millis;
    }

    @Override
    public RunResult run(RunOptions options, SyncListener listener, BooleanSupplier stopSignal) {
        int now = active.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        runs.add(options);
        RunRecord record = state.beginRun(options.type(), options.trigger());
        try {
            listener.started(record.id(), options.type());
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                if (stopSignal.getAsBoolean()) {
                    state.finishRun(record.id(), RunStatus.FAILED, NONE, "stopped by shutdown");
                    throw new RunStoppedException("stopped by shutdown");
                }
                listener.progress(new RunSummary(1, 0, 0, 0, 0, 0, 1, 0));
                sleep(10);
            }
            state.finishRun(record.id(), RunStatus.SUCCESS, NONE, null);
            return new RunResult(record.id(), options.type(), RunStatus.SUCCESS, NONE, null, 0, null);
        } finally {
            active.decrementAndGet();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
