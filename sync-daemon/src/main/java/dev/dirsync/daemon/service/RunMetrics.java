package dev.dirsync.daemon.service;

import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's run metrics, in Prometheus' text format: runs by type, status and mode (done, or
 * planned by a dry run), run duration, objects read, exported and failed, the time of the last
 * successful run, whether a run is in progress, and the anchored cloud users awaiting adoption.
 * Counts start at zero with the process; the last success is read from the run history.
 */
public final class RunMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter read;
    private final Counter exported;
    private final Counter failed;
    private final AtomicLong lastSuccessMillis = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong unmanaged = new AtomicLong();

    public RunMetrics() {
        read = Counter.builder("dirsync.objects.read")
                .description("Directory entries read by runs")
                .register(registry);
        exported = Counter.builder("dirsync.objects.exported")
                .description("Creates, updates and removals the cloud accepted")
                .register(registry);
        failed = Counter.builder("dirsync.objects.failed")
                .description("Changes the cloud refused or that failed")
                .register(registry);
        Gauge.builder("dirsync.last.success.time", lastSuccessMillis, v -> v.get() / 1000.0)
                .description("When the last successful (or partial) run finished, in seconds since the epoch; 0 before"
                        + " the first")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("dirsync.run.active", running, AtomicLong::get)
                .description("1 while this daemon runs a sync")
                .register(registry);
        Gauge.builder("dirsync.unmanaged.users", unmanaged, AtomicLong::get)
                .description("Cloud users that carry an anchor but are neither managed nor in the directory"
                        + " (see dirsync pending; adopt with dirsync state adopt)")
                .register(registry);
        for (RunType type : RunType.values()) {
            for (RunStatus status : RunStatus.values()) {
                if (status != RunStatus.RUNNING) {
                    runs(type, status, false);
                    runs(type, status, true);
                }
            }
            timer(type);
        }
    }

    /** The anchored cloud users the latest full run left for adoption. */
    public void unmanagedUsers(int count) {
        unmanaged.set(count);
    }

    /** Seeds the last-success gauge from the history (most recent first). */
    public void seed(List<RunRecord> recent) {
        recent.stream()
                .filter(r ->
                        r.finished() != null && (r.status() == RunStatus.SUCCESS || r.status() == RunStatus.PARTIAL))
                .findFirst()
                .ifPresent(r -> lastSuccessMillis.set(r.finished().toEpochMilli()));
    }

    void started() {
        running.set(1);
    }

    /** Books a run that ended (also a failed one, with the counts it reached). */
    void finished(RunType type, RunStatus status, boolean planned, RunSummary summary, Duration took, Instant at) {
        running.set(0);
        runs(type, status, planned).increment();
        if (planned) {
            return;
        }
        timer(type).record(took);
        read.increment(summary.read());
        exported.increment(summary.written());
        failed.increment(summary.failed());
        if (status == RunStatus.SUCCESS || status == RunStatus.PARTIAL) {
            lastSuccessMillis.set(at.toEpochMilli());
        }
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    private Counter runs(RunType type, RunStatus status, boolean planned) {
        return Counter.builder("dirsync.runs")
                .description("Runs by type, how they ended and whether they exported (done) or only planned")
                .tag("type", type.label())
                .tag("status", status.label())
                .tag("mode", planned ? "planned" : "done")
                .register(registry);
    }

    private Timer timer(RunType type) {
        return Timer.builder("dirsync.run.duration")
                .description("How long runs took")
                .tag("type", type.label())
                .register(registry);
    }
}
