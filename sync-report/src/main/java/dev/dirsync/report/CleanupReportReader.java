package dev.dirsync.report;

import dev.dirsync.core.fix.FixAction;
import dev.dirsync.core.fix.FixRow;
import dev.dirsync.report.internal.CsvRecord;
import dev.dirsync.report.internal.CsvRecordReader;
import dev.dirsync.report.internal.CsvReportWriter;
import dev.dirsync.report.internal.NeutralisedCell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a cleanup report CSV back, one row at a time, as admins return it with the ACTION column
 * filled: UTF-8 (a leading byte order mark is skipped), RFC 4180 quoting, and the formula
 * neutralising undone ({@code '} is dropped only before {@code = + - @}, tab or CR). The header
 * must be the report's (IdFix's nine columns, DETAIL optional); every row must have as many cells
 * as the header, a DISTINGUISHEDNAME, an ATTRIBUTE and an ACTION that is EDIT, REMOVE, COMPLETE or
 * empty. Anything else is a {@link ReportInputException} naming the file and the line. Blank rows
 * are skipped. Not thread-safe.
 */
public final class CleanupReportReader implements AutoCloseable {
    private static final List<String> COLUMNS = List.of(CsvReportWriter.HEADER.split(","));
    private static final int IDFIX_COLUMNS = COLUMNS.indexOf("DETAIL");
    private static final int DN = COLUMNS.indexOf("DISTINGUISHEDNAME");
    private static final int ATTRIBUTE = COLUMNS.indexOf("ATTRIBUTE");
    private static final int VALUE = COLUMNS.indexOf("VALUE");
    private static final int UPDATE = COLUMNS.indexOf("UPDATE");
    private static final int ACTION = COLUMNS.indexOf("ACTION");

    private final String source;
    private final CsvRecordReader records;
    private int columns;

    private CleanupReportReader(CsvRecordReader records, String source) {
        this.source = source;
        this.records = records;
    }

    /**
     * Opens {@code file} and checks its header.
     *
     * @throws ReportInputException when the file is missing, unreadable or has no report header
     */
    public static CleanupReportReader open(Path file) {
        String source = "cleanup report " + file;
        BufferedReader in;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportInputException(source + ": no such file", e);
        } catch (IOException e) {
            throw new ReportInputException(source + " cannot be read: " + e.getMessage(), e);
        }
        return start(in, source);
    }

    /**
     * Reads a report from {@code in} (closed by {@link #close()}) and checks its header.
     *
     * @param source how messages name the input, e.g. {@code cleanup report r.csv}
     */
    public static CleanupReportReader of(Reader in, String source) {
        return start(new BufferedReader(in), source);
    }

    private static CleanupReportReader start(BufferedReader in, String source) {
        CleanupReportReader reader = new CleanupReportReader(new CsvRecordReader(in), source);
        boolean ready = false;
        try {
            reader.readHeader();
            ready = true;
            return reader;
        } finally {
            if (!ready) {
                reader.close();
            }
        }
    }

    /**
     * The next row; empty at the end of the report.
     *
     * @throws ReportInputException naming the line of a malformed row
     */
    public Optional<FixRow> next() {
        Optional<CsvRecord> record = nextRecord();
        while (record.isPresent() && record.get().blank()) {
            record = nextRecord();
        }
        return record.map(this::toRow);
    }

    @Override
    public void close() {
        try {
            records.close();
        } catch (IOException e) {
            throw new ReportInputException(source + " cannot be closed: " + e.getMessage(), e);
        }
    }

    private void readHeader() {
        Optional<CsvRecord> header = nextRecord();
        if (header.isEmpty()) {
            throw new ReportInputException(source + " is empty: expected the header " + CsvReportWriter.HEADER);
        }
        List<String> names = header.get().cells().stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .toList();
        boolean full = names.equals(COLUMNS);
        boolean idFix = names.equals(COLUMNS.subList(0, IDFIX_COLUMNS));
        if (!full && !idFix) {
            throw new ReportInputException(source + " line " + header.get().line()
                    + ": not a cleanup report header: expected " + CsvReportWriter.HEADER + ", got "
                    + String.join(",", header.get().cells()));
        }
        columns = names.size();
    }

    private FixRow toRow(CsvRecord record) {
        List<String> cells = record.cells();
        if (cells.size() != columns) {
            throw malformed(record, "expected " + columns + " cells, like the header, got " + cells.size());
        }
        String dn = NeutralisedCell.undo(cells.get(DN)).strip();
        String attribute = NeutralisedCell.undo(cells.get(ATTRIBUTE)).strip();
        if (dn.isEmpty()) {
            throw malformed(record, "DISTINGUISHEDNAME is empty");
        }
        if (attribute.isEmpty()) {
            throw malformed(record, "ATTRIBUTE is empty");
        }
        return new FixRow(
                record.line(),
                dn,
                attribute,
                valueOf(cells.get(VALUE)),
                valueOf(cells.get(UPDATE)),
                action(record, cells.get(ACTION)));
    }

    private FixAction action(CsvRecord record, String cell) {
        if (cell.isBlank()) {
            return null;
        }
        try {
            return FixAction.parse(cell);
        } catch (IllegalArgumentException e) {
            throw malformed(record, e.getMessage());
        }
    }

    /** VALUE and UPDATE keep their blanks: leading and trailing spaces are what findings are about. */
    private static String valueOf(String cell) {
        String value = NeutralisedCell.undo(cell);
        return value.isEmpty() ? null : value;
    }

    private Optional<CsvRecord> nextRecord() {
        try {
            return records.next();
        } catch (CsvRecordReader.MalformedException e) {
            throw new ReportInputException(source + " line " + e.line() + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new ReportInputException(source + " is not UTF-8 text (save it as \"CSV UTF-8\")", e);
        } catch (IOException e) {
            throw new ReportInputException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    private ReportInputException malformed(CsvRecord record, String problem) {
        return new ReportInputException(source + " line " + record.line() + ": " + problem);
    }
}
