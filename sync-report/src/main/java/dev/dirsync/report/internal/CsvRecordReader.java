package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 records one at a time: cells separated by commas, records by CRLF (LF or CR alone
 * are accepted too), cells holding a comma, quote or line break enclosed in quotes with inner quotes
 * doubled. A leading byte order mark is skipped. Strict about quotes: a quote inside an unquoted
 * cell, or text after a closing quote, is an error naming the line, not a guess.
 */
public final class CsvRecordReader implements Closeable {
    private static final QuoteAwareCsvParser.Factory CSV = new QuoteAwareCsvParser.Factory();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** A malformed record; {@code line} is where the problem is. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final BufferedReader in;
    private QuoteAwareCsvParser parser;

    /** @param in closed by {@link #close()} */
    public CsvRecordReader(BufferedReader in) {
        this.in = in;
    }

    /** The next record; empty at the end of the input. */
    public Optional<CsvRecord> next() throws IOException, MalformedException {
        if (parser == null) {
            skipByteOrderMark();
            parser = CSV.createParser(in);
        }
        List<String> cells = new ArrayList<>();
        try {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            int line = parser.currentLocation().getLineNr();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                cells.add(cell(cells.size() + 1));
            }
            return Optional.of(new CsvRecord(line, cells));
        } catch (StreamReadException e) {
            throw quoting(e, cells.size() + 1);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (parser != null) {
                parser.close();
            }
        } finally {
            in.close();
        }
    }

    private String cell(int number) throws IOException, MalformedException {
        String cell = parser.getText();
        if (!parser.cellQuoted() && cell.indexOf('"') >= 0) {
            throw new MalformedException(
                    parser.currentTokenLocation().getLineNr(),
                    "cell " + number
                            + " holds a quote but is not quoted (enclose the cell in quotes and double the quotes inside)");
        }
        return cell;
    }

    /** Jackson reports both quoting mistakes it finds with the same exception; only the message tells them apart. */
    private MalformedException quoting(StreamReadException e, int cell) {
        String problem = e.getOriginalMessage();
        if (problem.startsWith("Missing closing quote")) {
            return new MalformedException(
                    parser.currentTokenLocation().getLineNr(), "cell " + cell + " opens a quote that is never closed");
        }
        if (problem.startsWith("Unexpected character")) {
            return new MalformedException(
                    e.getLocation().getLineNr(),
                    "cell " + cell + " has text after its closing quote (double the quotes inside a quoted cell)");
        }
        return new MalformedException(e.getLocation().getLineNr(), problem);
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(1);
        if (in.read() != BYTE_ORDER_MARK) {
            in.reset();
        }
    }
}
