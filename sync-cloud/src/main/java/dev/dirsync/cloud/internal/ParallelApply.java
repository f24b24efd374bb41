package dev.dirsync.cloud.internal;

import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Applies changes on up to {@code concurrency} threads, unit by unit (a unit is what one request
 * carries: one change, or a batch of them), and reports the results on the calling thread in the
 * order of the changes, so the caller's consumer needs no locking.
 *
 * <p>An interrupted caller stops the units not yet started (their changes are reported retryable)
 * and interrupts the units running, which report what became of theirs. A unit that throws stops
 * the others and its exception is rethrown to the caller. Either way {@link #apply} returns only
 * once no unit is running any more. One {@code apply} at a time.
 */
public final class ParallelApply implements AutoCloseable {

    /** The work on one unit. */
    @FunctionalInterface
    public interface UnitWork {
        /** Exactly one result per change of {@code unit}, in its order. */
        List<ChangeResult> apply(List<Change> unit);
    }

    private final int concurrency;
    private final ExecutorService pool;

    public ParallelApply(int concurrency, String threadName) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The result of a change that was never sent because the run was interrupted. */
    public static ChangeResult notSent(Change change) {
        return ChangeResult.failed(
                change, ChangeResult.Outcome.RETRYABLE, "INTERRUPTED", "not sent: the run was interrupted");
    }

    /** Splits {@code changes} into units of {@code unitSize} and applies them through {@code work}. */
    public void apply(List<Change> changes, int unitSize, UnitWork work, Consumer<ChangeResult> results) {
        if (unitSize < 1) {
            throw new IllegalArgumentException("unitSize must be at least 1, got " + unitSize);
        }
        if (changes.isEmpty()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            changes.forEach(change -> results.accept(notSent(change)));
            return;
        }
        new Run(changes, unitSize, work).execute(results);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private record Unit(int offset, List<Change> changes) {}

    private sealed interface Event permits Done, Failed, Exited {}

    private record Done(Unit unit, List<ChangeResult> results) implements Event {}

    private record Failed(Throwable error) implements Event {}

    private record Exited() implements Event {}

    /** One call of {@link #apply}. */
    private final class Run {
        private final UnitWork work;
        private final Queue<Unit> units = new ConcurrentLinkedQueue<>();
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Set<Thread> running = new HashSet<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final ChangeResult[] slots;
        private final int workers;
        private int delivered;

        Run(List<Change> changes, int unitSize, UnitWork work) {
            this.work = work;
            this.slots = new ChangeResult[changes.size()];
            for (int offset = 0; offset < changes.size(); offset += unitSize) {
                units.add(new Unit(offset, changes.subList(offset, Math.min(changes.size(), offset + unitSize))));
            }
            this.workers = Math.min(concurrency, units.size());
        }

        void execute(Consumer<ChangeResult> results) {
            for (int i = 0; i < workers; i++) {
                pool.execute(this::work);
            }
            boolean interrupted = false;
            Throwable failure = null;
            int exited = 0;
            try {
                while (exited < workers) {
                    Event event;
                    try {
                        event = events.take();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancel();
                        continue;
                    }
                    if (event instanceof Done done) {
                        store(done.unit(), done.results());
                        if (failure == null) {
                            deliver(results);
                        }
                    } else if (event instanceof Failed failed) {
                        if (failure == null) {
                            failure = failed.error();
                            cancel();
                        }
                    } else {
                        exited++;
                    }
                }
            } finally {
                if (exited < workers) {
                    cancel();
                    interrupted |= awaitExits(workers - exited);
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            for (Unit left = units.poll(); left != null; left = units.poll()) {
                store(left, left.changes().stream().map(ParallelApply::notSent).toList());
            }
            deliver(results);
        }

        private void work() {
            register();
            try {
                for (Unit unit = units.poll(); unit != null; unit = units.poll()) {
                    List<ChangeResult> done = cancelled.get()
                            ? unit.changes().stream()
                                    .map(ParallelApply::notSent)
                                    .toList()
                            : work.apply(unit.changes());
                    if (done.size() != unit.changes().size()) {
                        throw new IllegalStateException(
                                done.size() + " results for " + unit.changes().size() + " changes");
                    }
                    events.add(new Done(unit, done));
                }
            } catch (RuntimeException | Error e) {
                // Handed to the calling thread, which stops the other units and rethrows it.
                events.add(new Failed(e));
            } finally {
                unregister();
                events.add(new Exited());
            }
        }

        private void store(Unit unit, List<ChangeResult> results) {
            for (int i = 0; i < results.size(); i++) {
                slots[unit.offset() + i] = results.get(i);
            }
        }

        private void deliver(Consumer<ChangeResult> results) {
            while (delivered < slots.length && slots[delivered] != null) {
                ChangeResult result = slots[delivered];
                slots[delivered++] = null;
                results.accept(result);
            }
        }

        private void cancel() {
            cancelled.set(true);
            synchronized (running) {
                running.forEach(Thread::interrupt);
            }
        }

        private void register() {
            synchronized (running) {
                running.add(Thread.currentThread());
            }
            if (cancelled.get()) {
                Thread.currentThread().interrupt();
            }
        }

        /** No interrupt can reach this thread once it is unregistered: the pool reuses it clean. */
        private void unregister() {
            synchronized (running) {
                running.remove(Thread.currentThread());
            }
            Thread.interrupted();
        }

        /** Waits for the workers still running; true when the caller was interrupted meanwhile. */
        private boolean awaitExits(int left) {
            boolean interrupted = false;
            while (left > 0) {
                try {
                    if (events.take() instanceof Exited) {
                        left--;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return interrupted;
        }
    }
}
