package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.FixPlanner;
import dev.dirsync.core.fix.FixRow;
import dev.dirsync.report.CleanupReportReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rows of a cleanup report with the ACTION column filled, in file order. The report is read
 * twice, streaming: once to check every row, once to apply them.
 */
public final class ReportItems implements FixItems {
    private final Path report;

    public ReportItems(Path report) {
        this.report = report;
    }

    @Override
    public int validate() {
        int rows = 0;
        try (CleanupReportReader reader = CleanupReportReader.open(report)) {
            for (Optional<FixRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows++;
            }
        }
        return rows;
    }

    @Override
    public void forEach(Consumer<FixItem> each) {
        try (CleanupReportReader reader = CleanupReportReader.open(report)) {
            for (Optional<FixRow> next = reader.next(); next.isPresent(); next = reader.next()) {
                FixRow row = next.get();
                each.accept(new FixItem(row.row(), row.dn(), row.attribute(), FixPlanner.plan(row)));
            }
        }
    }

    @Override
    public Path file() {
        return report;
    }
}
