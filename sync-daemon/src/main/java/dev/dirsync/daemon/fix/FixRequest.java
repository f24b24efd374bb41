package dev.dirsync.daemon.fix;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code dirsync fix} run.
 *
 * @param items the report rows or undo records to apply
 * @param apply false for a dry run: read and check, print, change nothing, write no file
 * @param undoFile where reversing changes are appended; null means
 *     {@code fix-undo-<timestamp>.ldif} in report.directory
 * @param resultFile where the outcome of every row goes; null means
 *     {@code fix-result-<timestamp>.csv} in report.directory
 */
public record FixRequest(FixItems items, boolean apply, Path undoFile, Path resultFile) {
    public FixRequest {
        Objects.requireNonNull(items, "items");
    }
}
