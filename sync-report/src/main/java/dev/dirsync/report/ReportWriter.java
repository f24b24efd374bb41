package dev.dirsync.report;

import dev.dirsync.core.port.FindingSink;

/**
 * A cleanup report being written. Each {@link #accept} writes its row through to the stream (only a
 * few kilobytes are buffered), so a report's size does not bound memory. Findings of one object are
 * expected one after the other (read order), which is how objects with findings are counted.
 * Writing failures surface as {@link ReportOutputException}. Not thread-safe.
 */
public interface ReportWriter extends FindingSink {

    ReportFormat format();

    /** The totals of the findings accepted so far; final once {@link #close()} returned. */
    ReportTotals totals();

    /**
     * Writes the end of the document (totals, closing markup) and flushes it. Does not close the
     * stream: whoever opened it closes it. Calling it again does nothing.
     */
    @Override
    void close();
}
