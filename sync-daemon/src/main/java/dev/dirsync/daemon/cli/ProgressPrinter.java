package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.state.RunSummary;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows progress on stderr once a run has taken longer than a couple of seconds, at most once a
 * second; quiet for short runs.
 */
final class ProgressPrinter implements SyncListener {
    private static final long QUIET_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private String stage = "";
    private boolean printed;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stage(String name) {
        stage = name;
    }

    @Override
    public void progress(RunSummary soFar) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        printed = true;
        long seconds = Duration.ofNanos(now - started).toSeconds();
        err.printf(
                "%s: %,d entries read, %,d changes exported, %,d failed (%ds)%n",
                stage, soFar.read(), soFar.written(), soFar.failed(), seconds);
    }

    boolean printedAnything() {
        return printed;
    }
}
