package dev.dirsync.daemon.server;

import dev.dirsync.core.port.StateStore;
import dev.dirsync.daemon.admin.AdminContext;
import dev.dirsync.daemon.admin.AdminServer;
import dev.dirsync.daemon.admin.AdminToken;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.Adapters;
import dev.dirsync.daemon.run.StateStores;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.daemon.service.ClusterRunLock;
import dev.dirsync.daemon.service.FirstFires;
import dev.dirsync.daemon.service.NodeId;
import dev.dirsync.daemon.service.RunCoordinator;
import dev.dirsync.daemon.service.RunLock;
import dev.dirsync.daemon.service.RunMetrics;
import dev.dirsync.daemon.service.SyncScheduler;
import dev.dirsync.report.ReportFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dirsync as a service: the state store, the run coordinator, the schedule and the admin API, up
 * until {@link #shutdown()}. Shutting down stops the schedule, lets the run in progress export its
 * current batch and record itself, and closes everything within {@link #STOP_WITHIN}.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** How long a run in progress may take to stop; the service manager waits a little longer. */
    public static final Duration STOP_WITHIN = Duration.ofSeconds(25);

    private static final List<ReportFormat> REPORTS = List.of(ReportFormat.CSV, ReportFormat.JSON, ReportFormat.HTML);

    private final StateStore state;
    private final RunCoordinator coordinator;
    private final SyncScheduler scheduler;
    private final AdminServer admin;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean shutDown;

    private Daemon(StateStore state, RunCoordinator coordinator, SyncScheduler scheduler, AdminServer admin) {
        this.state = state;
        this.coordinator = coordinator;
        this.scheduler = scheduler;
        this.admin = admin;
    }

    /** Validates the configuration, opens the state store and starts the schedule and the admin API. */
    public static Daemon start(DirsyncConfig config) {
        Adapters.validate(config);
        String node = NodeId.current();
        Deque<Runnable> opened = new ArrayDeque<>();
        boolean started = false;
        try {
            StateStore state = StateStores.open(config);
            opened.push(state::close);
            boolean clustered = StateStores.isPostgres(config);
            Optional<DataSource> shared = clustered ? StateStores.dataSource(state) : Optional.empty();
            if (shared.isEmpty()) {
                // this process alone uses the store: whatever is still running was left by a dead one
                int abandoned = state.failAbandonedRuns(RunCoordinator.ABANDONED);
                if (abandoned > 0) {
                    LOG.warn("{} run(s) left unfinished by the previous daemon are now marked failed", abandoned);
                }
            }
            RunMetrics metrics = new RunMetrics();
            metrics.seed(state.recentRuns(FirstFires.historyNeeded()));
            metrics.unmanagedUsers(state.unmanagedUsers().size());
            SyncRunner runner = new SyncRunner(config, state, REPORTS);
            RunCoordinator coordinator = new RunCoordinator(
                    (options, listener, stop) ->
                            runner.run(options, listener, stop).result(),
                    state,
                    shared.<RunLock>map(ClusterRunLock::new).orElse(RunLock.LOCAL),
                    metrics,
                    node,
                    config.schedule().staging());
            FirstFires first =
                    FirstFires.from(state.recentRuns(FirstFires.historyNeeded()), config.schedule(), Instant.now());
            SyncScheduler scheduler = SyncScheduler.create(config.schedule(), first, coordinator, shared, node);
            opened.push(scheduler::close);
            AdminServer admin = AdminServer.start(
                    config.admin(),
                    AdminToken.forServer(config.admin()),
                    new AdminContext(
                            coordinator,
                            state,
                            scheduler,
                            metrics,
                            config.report().directory()));
            opened.push(admin::close);
            scheduler.start();
            LOG.info(
                    "dirsync daemon {} running{}",
                    node,
                    config.schedule().staging() ? " in staging mode (plans only)" : "");
            started = true;
            return new Daemon(state, coordinator, scheduler, admin);
        } finally {
            if (!started) {
                closeInTurn(opened.iterator());
            }
        }
    }

    public int adminPort() {
        return admin.port();
    }

    /** Blocks until {@link #shutdown()} has finished. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Stops the schedule, stops the run in progress after its current batch, closes everything. Idempotent. */
    public void shutdown() {
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        LOG.info("shutting down: no new runs; a run in progress stops after its current batch");
        scheduler.pause();
        boolean idle = coordinator.stop(STOP_WITHIN);
        if (!idle) {
            LOG.warn(
                    "the run in progress did not stop within {}s; it will be marked failed at the next start",
                    STOP_WITHIN.toSeconds());
        }
        try {
            closeInTurn(List.<Runnable>of(admin::close, () -> scheduler.close(idle), state::close)
                    .iterator());
            LOG.info("dirsync daemon stopped");
        } finally {
            stopped.countDown();
        }
    }

    /** Runs each closer in turn; one that throws does not keep the later ones from running. */
    private static void closeInTurn(Iterator<Runnable> closers) {
        if (!closers.hasNext()) {
            return;
        }
        Runnable next = closers.next();
        try {
            next.run();
        } finally {
            closeInTurn(closers);
        }
    }
}
