package dev.dirsync.report.internal;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.report.ReportOutputException;
import dev.dirsync.report.ReportTotals;
import dev.dirsync.report.ReportWriter;
import java.io.IOException;
import java.util.Objects;

/**
 * The life cycle every format shares: start once, one row per finding, finish with the totals. After
 * a write failed, nothing more is written: {@code accept} refuses and {@code close} does nothing.
 */
public abstract class StreamingReportWriter implements ReportWriter {
    private final TotalsCounter counter = new TotalsCounter();
    private boolean started;
    private boolean closed;
    private ReportOutputException failure;

    @Override
    public final void accept(SourceEntry entry, Finding finding) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(finding, "finding");
        if (failure != null) {
            throw new IllegalStateException("the " + format() + " report could not be written earlier", failure);
        }
        if (closed) {
            throw new IllegalStateException("the " + format() + " report is already closed");
        }
        ReportRow row = ReportRow.of(entry, finding);
        try {
            startOnce();
            writeRow(row);
        } catch (IOException e) {
            throw recordFailure(e);
        }
        counter.add(row);
    }

    @Override
    public final void close() {
        if (closed || failure != null) {
            return;
        }
        closed = true;
        try {
            startOnce();
            finish(counter.totals());
        } catch (IOException e) {
            throw recordFailure(e);
        }
    }

    @Override
    public final ReportTotals totals() {
        return counter.totals();
    }

    /** Writes what precedes the first row. */
    protected abstract void start() throws IOException;

    protected abstract void writeRow(ReportRow row) throws IOException;

    /** Writes what follows the last row and flushes, leaving the stream open. */
    protected abstract void finish(ReportTotals totals) throws IOException;

    private void startOnce() throws IOException {
        if (!started) {
            started = true;
            start();
        }
    }

    private ReportOutputException recordFailure(IOException e) {
        failure = new ReportOutputException("could not write the " + format() + " report: " + e.getMessage(), e);
        return failure;
    }
}
