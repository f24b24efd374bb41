package dev.dirsync.report.internal;

import dev.dirsync.report.ReportFormat;
import dev.dirsync.report.ReportTotals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * IdFix's columns plus DETAIL, one row per finding, CRLF line ends, UTF-8 with a byte order mark:
 * without it Excel opens the file in the system's ANSI code page and garbles the very non-ASCII
 * values the report is about. Readers of this file must skip a leading U+FEFF. No metadata lines,
 * so the file stays a plain table for spreadsheets and {@code dirsync fix}.
 */
public final class CsvReportWriter extends StreamingReportWriter {
    public static final String HEADER =
            "DISTINGUISHEDNAME,COMMONNAME,OBJECTCLASS,ATTRIBUTE,ERROR,VALUE,UPDATE,PROPOSEDACTION,ACTION,DETAIL";
    private static final String LINE_END = "\r\n";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;

    public CsvReportWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    protected void start() throws IOException {
        out.write(BYTE_ORDER_MARK);
        out.write(HEADER);
        out.write(LINE_END);
    }

    @Override
    protected void writeRow(ReportRow row) throws IOException {
        out.write(CsvCells.encode(row.dn()));
        cell(row.commonName());
        cell(row.objectClass());
        cell(row.attribute());
        cell(row.errorText());
        cell(row.value());
        cell(row.update());
        cell(row.proposedAction());
        cell(null); // ACTION: the admin's decision, filled in before dirsync fix
        cell(row.detail());
        out.write(LINE_END);
    }

    @Override
    protected void finish(ReportTotals totals) throws IOException {
        out.flush();
    }

    private void cell(String value) throws IOException {
        out.write(',');
        out.write(CsvCells.encode(value));
    }
}
