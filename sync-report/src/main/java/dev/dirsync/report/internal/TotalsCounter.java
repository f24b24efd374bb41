package dev.dirsync.report.internal;

import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.report.ReportTotals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts rows as they are written. Objects are counted when the DN changes from the previous row,
 * so memory stays constant; this relies on an object's findings arriving together.
 */
public final class TotalsCounter {
    private final Map<String, Long> byErrorClass = new LinkedHashMap<>();
    private final Map<String, Long> byAttribute = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private long findings;
    private long objects;
    private String lastDn;

    public TotalsCounter() {
        for (ErrorClass errorClass : ErrorClass.values()) {
            byErrorClass.put(errorClass.label(), 0L);
        }
    }

    public void add(ReportRow row) {
        findings++;
        if (!row.dn().equals(lastDn)) {
            objects++;
            lastDn = row.dn();
        }
        for (String label : row.errors()) {
            byErrorClass.merge(label, 1L, Long::sum);
        }
        byAttribute.merge(row.attribute(), 1L, Long::sum);
    }

    public ReportTotals totals() {
        Map<String, Long> classes = new LinkedHashMap<>();
        byErrorClass.forEach((label, count) -> {
            if (count > 0) {
                classes.put(label, count);
            }
        });
        return new ReportTotals(findings, objects, classes, byAttribute);
    }
}
