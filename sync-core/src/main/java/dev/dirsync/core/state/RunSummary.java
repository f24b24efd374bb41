package dev.dirsync.core.state;

/**
 * Counts of one run. {@code read} counts every entry the source returned; each lands in exactly
 * one of skipped, blocked, created, updated, unchanged or failed. {@code deleted} counts removals.
 */
public record RunSummary(
        long read, long skipped, long blocked, long created, long updated, long deleted, long unchanged, long failed) {

    /** The summary line every run prints, exactly in this form. */
    public String line() {
        return "read=" + read + " skipped=" + skipped + " blocked=" + blocked + " created=" + created + " updated="
                + updated + " deleted=" + deleted + " unchanged=" + unchanged + " failed=" + failed;
    }

    public long written() {
        return created + updated + deleted;
    }
}
