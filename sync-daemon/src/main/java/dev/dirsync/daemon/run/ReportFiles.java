package dev.dirsync.daemon.run;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.report.ReportContext;
import dev.dirsync.report.ReportFormat;
import dev.dirsync.report.ReportTotals;
import dev.dirsync.report.ReportWriter;
import dev.dirsync.report.ReportWriters;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Cleanup report files written during a run. Each is written to a temporary file beside its target
 * and moved into place by {@link #commit()}, so a run that fails never leaves a half report over a
 * good one.
 */
final class ReportFiles implements FindingSink {
    private record Open(Path target, Path temp, OutputStream stream, ReportWriter writer) {}

    /** One report file to write. */
    record Target(Path file, ReportFormat format) {
        static Target in(Path directory, ReportFormat format) {
            return new Target(directory.resolve("cleanup-report." + format.extension()), format);
        }
    }

    private final List<Open> open = new ArrayList<>();

    ReportFiles(List<Target> targets, ReportContext context) {
        try {
            for (Target each : targets) {
                Path target = each.file();
                Path parent = target.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                open.add(new Open(target, temp, stream, ReportWriters.open(each.format(), stream, context)));
            }
        } catch (IOException e) {
            discard();
            throw new DirsyncException("cannot write the cleanup report: " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(SourceEntry entry, Finding finding) {
        for (Open file : open) {
            file.writer().accept(entry, finding);
        }
    }

    /** Completes the files and moves them into place; returns the totals of the first. */
    ReportTotals commit() {
        try {
            for (Open file : open) {
                file.writer().close();
                file.stream().close();
                Files.move(
                        file.temp(),
                        file.target(),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            discard();
            throw new DirsyncException("cannot write the cleanup report: " + e.getMessage(), e);
        }
        return open.isEmpty() ? ReportTotals.EMPTY : open.get(0).writer().totals();
    }

    /** Drops the temporary files (after a failed run). */
    void discard() {
        for (Open file : open) {
            try {
                file.stream().close();
                Files.deleteIfExists(file.temp());
            } catch (IOException e) {
                file.temp().toFile().deleteOnExit();
            }
        }
    }

    List<Path> targets() {
        return open.stream().map(Open::target).toList();
    }
}
