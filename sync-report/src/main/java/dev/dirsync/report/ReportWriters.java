package dev.dirsync.report;

import dev.dirsync.report.internal.CsvReportWriter;
import dev.dirsync.report.internal.HtmlReportWriter;
import dev.dirsync.report.internal.JsonReportWriter;
import java.io.OutputStream;
import java.util.Objects;

/** Opens cleanup report writers. */
public final class ReportWriters {
    private ReportWriters() {}

    /**
     * A writer of {@code format} onto {@code out}. The document is started on the first finding (or
     * on close, for a report without findings); the caller keeps ownership of {@code out}.
     */
    public static ReportWriter open(ReportFormat format, OutputStream out, ReportContext context) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(context, "context");
        return switch (format) {
            case CSV -> new CsvReportWriter(out);
            case JSON -> new JsonReportWriter(out, context);
            case HTML -> new HtmlReportWriter(out, context);
        };
    }
}
