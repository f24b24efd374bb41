package dev.dirsync.report;

import dev.dirsync.core.rules.ErrorClass;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts over the findings of one report. A finding with several error classes counts once under
 * each. {@code byErrorClass} is keyed by {@link ErrorClass#label()} in the classes' declaration
 * order; {@code byAttribute} by attribute name, alphabetically (ignoring case). Neither holds zero
 * counts.
 */
public record ReportTotals(
        long findings, long objectsWithFindings, Map<String, Long> byErrorClass, Map<String, Long> byAttribute) {

    public static final ReportTotals EMPTY = new ReportTotals(0, 0, Map.of(), Map.of());

    public ReportTotals {
        if (findings < 0 || objectsWithFindings < 0 || objectsWithFindings > findings) {
            throw new IllegalArgumentException(
                    "inconsistent totals: " + findings + " findings on " + objectsWithFindings + " objects");
        }
        byErrorClass = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byErrorClass)));
        byAttribute = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byAttribute)));
    }

    /** The number of findings carrying {@code errorClass}. */
    public long count(ErrorClass errorClass) {
        return byErrorClass.getOrDefault(errorClass.label(), 0L);
    }
}
