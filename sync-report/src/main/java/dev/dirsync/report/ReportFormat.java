package dev.dirsync.report;

import java.util.Locale;

/** The cleanup report's output formats. */
public enum ReportFormat {
    /** IdFix's columns plus DETAIL, for spreadsheets and {@code dirsync fix}. */
    CSV("csv", "text/csv; charset=utf-8"),
    /** The findings and totals as one JSON document, for scripts. */
    JSON("json", "application/json"),
    /** One self-contained page with totals, filters and sorting, for reading. */
    HTML("html", "text/html; charset=utf-8");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** Parses "csv", "json" or "html" (case-insensitive, surrounding blanks ignored). */
    public static ReportFormat parse(String name) {
        if (name != null) {
            String wanted = name.strip();
            for (ReportFormat format : values()) {
                if (format.extension.equalsIgnoreCase(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "'; expected csv, json or html");
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
