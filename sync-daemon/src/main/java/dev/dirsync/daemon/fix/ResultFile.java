package dev.dirsync.daemon.fix;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.report.FixResultWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The result file of an applying run, written row by row as the run goes. */
final class ResultFile implements AutoCloseable {
    private final Path file;
    private final OutputStream stream;
    private final FixResultWriter writer;

    private ResultFile(Path file, OutputStream stream, FixResultWriter writer) {
        this.file = file;
        this.stream = stream;
        this.writer = writer;
    }

    /** Creates (or replaces) {@code file} and writes its header. */
    static ResultFile create(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file));
            return new ResultFile(file, stream, new FixResultWriter(stream));
        } catch (IOException e) {
            throw new DirsyncException("cannot write the result file " + file + ": " + e.getMessage(), e);
        }
    }

    void write(RowOutcome outcome) {
        writer.write(
                outcome.row(), outcome.dn(), outcome.attribute(), outcome.kind().status(), outcome.detail());
    }

    @Override
    public void close() {
        try {
            writer.close();
            stream.close();
        } catch (IOException e) {
            throw new DirsyncException("cannot write the result file " + file + ": " + e.getMessage(), e);
        }
    }
}
