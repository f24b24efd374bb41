package dev.dirsync.report.internal;

import java.util.List;

/**
 * One record of a CSV file, its cells exactly as written (quotes removed, nothing else undone).
 *
 * @param line the line the record starts on, 1 for the first
 */
public record CsvRecord(int line, List<String> cells) {
    public CsvRecord {
        cells = List.copyOf(cells);
    }

    /** A blank line, or a row of empty cells (which spreadsheets leave behind). */
    public boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
