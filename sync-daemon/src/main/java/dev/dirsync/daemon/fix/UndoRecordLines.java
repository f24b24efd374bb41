package dev.dirsync.daemon.fix;

import dev.dirsync.core.DirsyncException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one record of an undo file, and the check that their layout is one a replay can
 * apply, naming the line at fault: {@code dn:}, {@code changetype: modify}, then for one attribute
 * changes of named values ({@code add:}, {@code delete:} or {@code replace:}, its values, {@code -}).
 * The LDAP SDK decodes the record afterwards but names only the line a record starts near, accepts
 * a change not ended by {@code -}, and would read values given as URLs from disk, so the layout is
 * checked here first, on the lines that begin an LDIF line (comments and continuations skipped).
 */
final class UndoRecordLines {
    private record Line(int number, String text) {}

    private final String source;
    private final List<String> text;
    private final List<Line> starts;

    private UndoRecordLines(String source, List<String> text, List<Line> starts) {
        this.source = source;
        this.text = List.copyOf(text);
        this.starts = List.copyOf(starts);
    }

    /** The records of {@code lines}, split at blank lines; a leading {@code version: 1} is dropped. */
    static List<UndoRecordLines> split(String source, List<String> lines) {
        List<UndoRecordLines> records = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<Line> starts = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isEmpty()) {
                if (first && !starts.isEmpty()) {
                    first = false;
                    if (starts.get(0).text().matches("version:\\s*1")) {
                        starts.remove(0);
                    }
                }
                if (!starts.isEmpty()) {
                    records.add(new UndoRecordLines(source, text, starts));
                }
                text.clear();
                starts.clear();
            } else {
                text.add(line);
                if (!line.startsWith("#") && !line.startsWith(" ")) {
                    starts.add(new Line(i + 1, line));
                }
            }
        }
        return records;
    }

    /** The record's lines as written, for the LDIF decoder. */
    String[] text() {
        return text.toArray(String[]::new);
    }

    int dnLine() {
        return starts.get(0).number();
    }

    /** Whether the record names any change. */
    boolean changes() {
        return starts.size() > 2;
    }

    /** @throws DirsyncException naming the first line that does not fit the layout */
    void check() {
        Line dn = starts.get(0);
        if (!name(dn).equalsIgnoreCase("dn")) {
            throw error(dn, "a record must start with dn:, got '" + dn.text() + "'");
        }
        if (starts.size() < 2 || !starts.get(1).text().matches("changetype:\\s*modify")) {
            throw error(starts.size() < 2 ? dn : starts.get(1), "only changetype: modify records can be replayed");
        }
        String attribute = null;
        int i = 2;
        while (i < starts.size()) {
            Line operation = starts.get(i);
            String target = target(operation);
            if (attribute == null) {
                attribute = target;
            } else if (!attribute.equalsIgnoreCase(target)) {
                throw error(
                        operation,
                        "a record may change only one attribute, but this one changes " + attribute + " and " + target);
            }
            int values = 0;
            for (i++; i < starts.size() && !starts.get(i).text().equals("-"); i++) {
                checkValue(starts.get(i), target);
                values++;
            }
            if (i == starts.size()) {
                throw error(starts.get(i - 1), "the " + target + " change is not ended by a line holding -");
            }
            if (values == 0) {
                throw error(operation, "only changes of single values can be replayed, not of a whole attribute");
            }
            i++;
        }
    }

    DirsyncException error(String problem) {
        return error(starts.get(0), problem);
    }

    private String target(Line operation) {
        String name = name(operation);
        if (!name.equalsIgnoreCase("add") && !name.equalsIgnoreCase("delete") && !name.equalsIgnoreCase("replace")) {
            throw error(operation, "expected add:, delete: or replace:, got '" + operation.text() + "'");
        }
        return operation.text().substring(name.length() + 1).strip();
    }

    private void checkValue(Line value, String attribute) {
        String name = name(value);
        if (!name.equalsIgnoreCase(attribute)) {
            throw error(value, "expected a value of " + attribute + ", got '" + value.text() + "'");
        }
        if (value.text().startsWith(":<", name.length())) {
            throw error(value, "values read from URLs are not supported");
        }
    }

    private String name(Line line) {
        int colon = line.text().indexOf(':');
        if (colon <= 0) {
            throw error(line, "expected name: value, got '" + line.text() + "'");
        }
        return line.text().substring(0, colon);
    }

    private DirsyncException error(Line line, String problem) {
        return new DirsyncException(source + " line " + line.number() + ": " + problem);
    }
}
