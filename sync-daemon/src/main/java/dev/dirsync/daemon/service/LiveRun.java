package dev.dirsync.daemon.service;

import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The run this daemon is executing, as the engine reports it: its id once recorded (also put in
 * the logging context as {@code runId}, so every log line of the run carries it), stage and counts
 * so far. In staging mode it keeps the planned changes. Written by the run's thread, read by the
 * admin API.
 */
public final class LiveRun implements SyncListener {
    public static final String MDC_KEY = "runId";
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
    private static final RunSummary NOTHING = new RunSummary(0, 0, 0, 0, 0, 0, 0, 0);

    private final RunRequest request;
    private final Instant started = Instant.now();
    private final boolean keepPlan;
    private final CompletableFuture<Long> runId = new CompletableFuture<>();
    private final List<PlannedChange> planned = new ArrayList<>();
    private volatile RunType type;
    private volatile String stage = "starting";
    private volatile RunSummary counts = NOTHING;
    private long plannedTotal;

    LiveRun(RunRequest request, boolean keepPlan) {
        this.request = request;
        this.type = request.type();
        this.keepPlan = keepPlan;
    }

    @Override
    public void started(long id, RunType actualType) {
        this.type = actualType;
        MDC.put(MDC_KEY, Long.toString(id));
        LOG.info(
                "{} run {} started ({}{})",
                actualType.label(),
                id,
                request.kind(),
                request.scheduledFor() == null ? "" : " for the slot at " + request.scheduledFor());
        runId.complete(id);
    }

    @Override
    public void stage(String name) {
        stage = name;
    }

    @Override
    public void progress(RunSummary soFar) {
        counts = soFar;
    }

    @Override
    public void planned(Change change) {
        if (!keepPlan) {
            return;
        }
        synchronized (planned) {
            plannedTotal++;
            if (planned.size() < StagingPlan.KEPT) {
                planned.add(PlannedChange.of(change));
            }
        }
    }

    /** Completes with the run id once the run is recorded. */
    CompletableFuture<Long> runId() {
        return runId;
    }

    /** Ends the run's logging context. */
    void ended() {
        MDC.remove(MDC_KEY);
    }

    StagingPlan plan(long id, Instant finished) {
        synchronized (planned) {
            return new StagingPlan(id, finished, plannedTotal, planned);
        }
    }

    public View view() {
        Long id = runId.getNow(0L);
        return new View(
                request.id(),
                id == null ? 0 : id,
                type,
                request.kind(),
                request.scheduledFor(),
                started,
                stage,
                counts);
    }

    /** A snapshot for the admin API. */
    public record View(
            long request,
            long runId,
            RunType type,
            String kind,
            Instant scheduledFor,
            Instant started,
            String stage,
            RunSummary counts) {}
}
