package dev.dirsync.report.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 records one at a time: cells separated by commas, records by CRLF (LF or CR alone
 * are accepted too), cells holding a comma, quote or line break enclosed in quotes with inner quotes
 * doubled. A leading byte order mark is skipped. Strict about quotes: a quote inside an unquoted
 * cell, or text after a closing quote, is an error naming the line, not a guess.
 */
public final class CsvRecordReader {
    private static final int END = -1;
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

    private final Reader in;
    private int line = 1;
    private int pushedBack = Integer.MIN_VALUE;
    private boolean started;

    /** @param in buffered by the caller; read one character at a time */
    public CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The next record; empty at the end of the input. */
    public Optional<CsvRecord> next() throws IOException, MalformedException {
        skipByteOrderMark();
        int first = read();
        if (first == END) {
            return Optional.empty();
        }
        unread(first);
        int startLine = line;
        List<String> cells = new ArrayList<>();
        while (true) {
            StringBuilder cell = new StringBuilder();
            int c = read();
            if (c == '"') {
                c = readQuoted(cell, cells.size() + 1);
            } else {
                c = readUnquoted(c, cell, cells.size() + 1);
            }
            cells.add(cell.toString());
            if (c == ',') {
                continue;
            }
            endLine(c);
            return Optional.of(new CsvRecord(startLine, cells));
        }
    }

    /** Reads an unquoted cell starting with {@code c}; returns the character that ended it. */
    private int readUnquoted(int c, StringBuilder cell, int number) throws IOException, MalformedException {
        while (c != END && c != ',' && c != '\r' && c != '\n') {
            if (c == '"') {
                throw new MalformedException(line, "cell " + number + " holds a quote but is not quoted "
                        + "(enclose the cell in quotes and double the quotes inside)");
            }
            cell.append((char) c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted cell after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder cell, int number) throws IOException, MalformedException {
        int openedOn = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new MalformedException(openedOn, "cell " + number + " opens a quote that is never closed");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    cell.append('"');
                    continue;
                }
                if (after != END && after != ',' && after != '\r' && after != '\n') {
                    throw new MalformedException(line, "cell " + number + " has text after its closing quote "
                            + "(double the quotes inside a quoted cell)");
                }
                return after;
            }
            if (c == '\r' || c == '\n') {
                appendLineBreak(c, cell);
            } else {
                cell.append((char) c);
            }
        }
    }

    /** Keeps a line break inside a quoted cell as written, counting it as one line. */
    private void appendLineBreak(int c, StringBuilder cell) throws IOException {
        cell.append((char) c);
        if (c == '\r') {
            int next = read();
            if (next == '\n') {
                cell.append('\n');
            } else {
                unread(next);
            }
        }
        line++;
    }

    private void endLine(int c) throws IOException {
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                unread(next);
            }
        }
        if (c != END) {
            line++;
        }
    }

    private void skipByteOrderMark() throws IOException {
        if (started) {
            return;
        }
        started = true;
        int first = read();
        if (first != BYTE_ORDER_MARK) {
            unread(first);
        }
    }

    private int read() throws IOException {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
