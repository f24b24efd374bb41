package dev.dirsync.report;

import dev.dirsync.core.fix.WriteResult;
import dev.dirsync.report.internal.CsvCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The result file of {@code dirsync fix}: one row per report row (or undo record) with what became
 * of it, in the cleanup report's conventions (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting,
 * formula-like cells neutralised). Each row is flushed as it is written, so the file is complete up
 * to the last row handled even if the run is cut short. The caller keeps ownership of the stream.
 */
public final class FixResultWriter implements AutoCloseable {
    public static final String HEADER = "ROW,DISTINGUISHEDNAME,ATTRIBUTE,STATUS,REASON";
    private static final String LINE_END = "\r\n";

    private final Writer out;

    /** Writes the byte order mark and the header. */
    public FixResultWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write("\uFEFF" + HEADER + LINE_END);
    }

    /**
     * @param status written as applied, skipped or failed
     * @param reason why, or for an applied change what it changed; may be null
     */
    public void write(int row, String dn, String attribute, WriteResult.Status status, String reason) {
        write(row + "," + CsvCells.encode(dn) + "," + CsvCells.encode(attribute) + "," + status.word() + ","
                + CsvCells.encode(reason) + LINE_END);
    }

    /** Flushes; does not close the stream. */
    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new ReportOutputException("cannot write the fix result: " + e.getMessage(), e);
        }
    }

    private void write(String text) {
        try {
            out.write(text);
            out.flush();
        } catch (IOException e) {
            throw new ReportOutputException("cannot write the fix result: " + e.getMessage(), e);
        }
    }
}
