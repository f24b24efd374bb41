package dev.dirsync.report.internal;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import java.util.List;

/**
 * One report row: a finding with the columns every format shows. {@code value}, {@code update} and
 * {@code detail} are null when absent.
 */
public record ReportRow(
        String dn,
        String commonName,
        String objectClass,
        String attribute,
        List<String> errors,
        String value,
        String update,
        String proposedAction,
        String detail) {

    public ReportRow {
        errors = List.copyOf(errors);
    }

    public static ReportRow of(SourceEntry entry, Finding finding) {
        return new ReportRow(
                entry.dn(),
                entry.commonName(),
                entry.kind().reportName(),
                finding.attribute(),
                finding.classes().stream().map(ErrorClass::label).toList(),
                finding.value(),
                finding.suggested(),
                finding.action().name(),
                finding.detail());
    }

    /** The ERROR column: the classes joined by ", ". */
    public String errorText() {
        return String.join(", ", errors);
    }
}
