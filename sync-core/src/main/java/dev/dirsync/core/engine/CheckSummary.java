package dev.dirsync.core.engine;

/**
 * Counts of a readiness check. {@code checked} counts every entry the source returned; each lands
 * in exactly one of skipped, blocked or exportable.
 */
public record CheckSummary(long checked, long skipped, long blocked, long exportable) {

    /** The summary line a check prints, exactly in this form. */
    public String line() {
        return "checked=" + checked + " skipped=" + skipped + " blocked=" + blocked + " exportable=" + exportable;
    }
}
