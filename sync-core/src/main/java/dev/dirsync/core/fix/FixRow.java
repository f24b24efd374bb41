package dev.dirsync.core.fix;

import java.util.Objects;

/**
 * One row of a cleanup report as {@code dirsync fix} reads it.
 *
 * @param row the line of the report file the row starts on (the header is line 1); for a report
 *     without line breaks inside cells this is also the spreadsheet's row number
 * @param dn the object (DISTINGUISHEDNAME)
 * @param attribute the attribute (ATTRIBUTE), as the report spells it
 * @param value the value the report found (VALUE); null when the attribute had none
 * @param update the value to write (UPDATE); null when empty
 * @param action the admin's decision (ACTION); null when left empty, meaning not approved
 */
public record FixRow(int row, String dn, String attribute, String value, String update, FixAction action) {
    public FixRow {
        if (row < 1) {
            throw new IllegalArgumentException("row must be at least 1, got " + row);
        }
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(attribute, "attribute");
    }
}
