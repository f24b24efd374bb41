package dev.dirsync.daemon.service;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.RunStoppedException;
import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place runs happen: scheduled runs (on the scheduler's thread) and operators' runs (on
 * its own worker) take turns, so a run never overlaps another; with a shared state database the
 * {@link RunLock} extends that to every daemon on it. An operator's request made while a run is in
 * progress is queued; at most one waits (a full request upgrades a queued delta). On shutdown the
 * run in progress is asked to stop after its current batch.
 */
public final class RunCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(RunCoordinator.class);
    public static final String ABANDONED = "interrupted: the daemon running it stopped before it finished";
    private static final int REQUESTS_KEPT = 200;
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    /** Executes one run (in production: a {@code SyncRunner}). */
    @FunctionalInterface
    public interface RunExecutor {
        RunResult run(RunOptions options, SyncListener listener, BooleanSupplier stopSignal);
    }

    /** The answer to an operator's request: its state, and whether it waits behind a run. */
    public record Submission(RequestState request, boolean queued, Optional<LiveRun.View> running) {}

    private final RunExecutor executor;
    private final StateStore state;
    private final RunLock lock;
    private final RunMetrics metrics;
    private final String node;
    private final boolean staging;
    private final ReentrantLock exclusive = new ReentrantLock(true);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong requestIds = new AtomicLong();
    private final ExecutorService worker;
    private final Object monitor = new Object();
    private final Map<Long, RequestState> requests = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RequestState> eldest) {
            return size() > REQUESTS_KEPT;
        }
    };
    private LiveRun current;
    private RunRequest queued;
    private boolean operatorActive;
    private volatile StagingPlan plan;

    /**
     * @param staging runs plan but never export (dry runs); the latest plan is kept
     */
    public RunCoordinator(
            RunExecutor executor, StateStore state, RunLock lock, RunMetrics metrics, String node, boolean staging) {
        this.executor = executor;
        this.state = state;
        this.lock = lock;
        this.metrics = metrics;
        this.node = node;
        this.staging = staging;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dirsync-operator-run");
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("operator run ended unexpectedly", e));
            return thread;
        });
    }

    /** An operator asks for a run now; it starts at once, or is queued behind the run in progress. */
    public Submission submit(RunType type) {
        RunRequest request;
        synchronized (monitor) {
            if (stopping.get()) {
                RequestState refused = new RequestState(0, type, RequestState.FAILED, 0, "the daemon is shutting down");
                return new Submission(refused, false, Optional.empty());
            }
            if (current != null || operatorActive || exclusive.isLocked()) {
                if (queued == null) {
                    queued = newRequest(type, TriggerText.OPERATOR, null);
                } else if (type == RunType.FULL && queued.type() == RunType.DELTA) {
                    queued = queued.withType(RunType.FULL);
                }
                RequestState waiting = new RequestState(queued.id(), queued.type(), RequestState.QUEUED, 0, null);
                requests.put(queued.id(), waiting);
                LOG.info(
                        "a run is in progress: {} run request {} is queued",
                        queued.type().label(),
                        queued.id());
                return new Submission(waiting, true, currentView());
            }
            request = newRequest(type, TriggerText.OPERATOR, null);
            operatorActive = true;
            requests.put(request.id(), new RequestState(request.id(), type, RequestState.WAITING, 0, null));
        }
        worker.execute(() -> runOperator(request));
        return new Submission(awaitStart(request.id()), false, Optional.empty());
    }

    /** A scheduled slot: runs now, after the run in progress if there is one; blocks until done. */
    public RequestState runScheduled(RunType type, Instant scheduledFor) {
        RunRequest request;
        synchronized (monitor) {
            request = newRequest(type, TriggerText.SCHEDULE, scheduledFor);
            requests.put(request.id(), new RequestState(request.id(), type, RequestState.WAITING, 0, null));
        }
        try {
            execute(request);
        } finally {
            drainQueue();
        }
        return request(request.id()).orElseThrow();
    }

    public Optional<LiveRun.View> currentView() {
        synchronized (monitor) {
            return Optional.ofNullable(current).map(LiveRun::view);
        }
    }

    public Optional<RequestState> queuedRequest() {
        synchronized (monitor) {
            return Optional.ofNullable(queued).map(q -> requests.get(q.id()));
        }
    }

    public Optional<RequestState> request(long id) {
        synchronized (monitor) {
            return Optional.ofNullable(requests.get(id));
        }
    }

    /** What the latest staging run would have exported. */
    public Optional<StagingPlan> stagingPlan() {
        return Optional.ofNullable(plan);
    }

    public boolean staging() {
        return staging;
    }

    public String node() {
        return node;
    }

    /**
     * Refuses new runs, drops the queued one, asks the run in progress to stop after its current
     * batch and waits for it.
     *
     * @return whether no run was left in progress within {@code timeout}
     */
    public boolean stop(Duration timeout) {
        stopping.set(true);
        synchronized (monitor) {
            if (queued != null) {
                requests.put(
                        queued.id(),
                        new RequestState(
                                queued.id(), queued.type(), RequestState.FAILED, 0, "dropped: the daemon shut down"));
                queued = null;
            }
        }
        worker.shutdown();
        try {
            if (exclusive.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exclusive.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runOperator(RunRequest request) {
        try {
            execute(request);
        } finally {
            synchronized (monitor) {
                operatorActive = false;
            }
            drainQueue();
        }
    }

    private void drainQueue() {
        RunRequest next;
        synchronized (monitor) {
            if (operatorActive || queued == null || stopping.get()) {
                return;
            }
            next = queued;
            queued = null;
            operatorActive = true;
            requests.put(next.id(), new RequestState(next.id(), next.type(), RequestState.WAITING, 0, null));
        }
        worker.execute(() -> runOperator(next));
    }

    private void execute(RunRequest request) {
        exclusive.lock();
        try {
            if (stopping.get()) {
                finish(request, 0, RequestState.FAILED, "the daemon is shutting down");
                return;
            }
            RunLock.Held held = lock.acquire(stopping::get);
            if (held == null) {
                finish(request, 0, RequestState.FAILED, "the daemon is shutting down");
                return;
            }
            try (held) {
                runLocked(request);
            }
        } finally {
            exclusive.unlock();
        }
    }

    /** With the run lock held, every run still marked running was left behind by a daemon that died. */
    private void runLocked(RunRequest request) {
        int abandoned = state.failAbandonedRuns(ABANDONED);
        if (abandoned > 0) {
            LOG.warn("{} run(s) left unfinished by a stopped daemon are now marked failed", abandoned);
        }
        LiveRun live = new LiveRun(request, staging);
        live.runId().thenAccept(id -> finish(request, id, RequestState.RUNNING, null));
        synchronized (monitor) {
            current = live;
        }
        RunOptions options = new RunOptions(request.type(), staging, request.triggerText(node));
        LOG.debug(
                "starting {} run ({}{})",
                request.type().label(),
                options.trigger(),
                staging ? ", staging: plan only" : "");
        metrics.started();
        long began = System.nanoTime();
        RunType type = request.type();
        RunStatus status = RunStatus.FAILED;
        String message = null;
        try {
            RunResult result = executor.run(options, live, stopping::get);
            type = result.type();
            status = result.status();
            if (staging) {
                plan = live.plan(result.runId(), Instant.now());
            }
        } catch (RunStoppedException e) {
            message = e.getMessage();
            LOG.warn(
                    "{} run stopped for shutdown after its current batch; the next run picks up from the state",
                    request.type().label());
        } catch (DirsyncException e) {
            message = e.getMessage();
            LOG.error("{} run failed: {}", request.type().label(), e.getMessage());
        } finally {
            metrics.finished(
                    type,
                    status,
                    staging,
                    live.view().counts(),
                    Duration.ofNanos(System.nanoTime() - began),
                    Instant.now());
            long runId = live.view().runId();
            finish(
                    request,
                    runId,
                    runId == 0 && status == RunStatus.FAILED ? RequestState.FAILED : RequestState.FINISHED,
                    message);
            live.ended();
            synchronized (monitor) {
                current = null;
            }
        }
        if (!staging && type == RunType.FULL && status != RunStatus.FAILED) {
            metrics.unmanagedUsers(state.unmanagedUsers().size());
        }
    }

    private RunRequest newRequest(RunType type, String kind, Instant scheduledFor) {
        return new RunRequest(requestIds.incrementAndGet(), type, kind, scheduledFor, Instant.now());
    }

    private void finish(RunRequest request, long runId, String stateName, String message) {
        synchronized (monitor) {
            requests.put(request.id(), new RequestState(request.id(), request.type(), stateName, runId, message));
        }
    }

    /** Waits briefly for a started request to have its run id, so the caller can follow the run. */
    private RequestState awaitStart(long id) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        RequestState now = request(id).orElseThrow();
        while (now.runId() == 0 && !RequestState.FAILED.equals(now.state()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = request(id).orElseThrow();
        }
        return now;
    }
}
