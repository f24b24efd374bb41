package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.WriteResult;
import java.util.Objects;

/**
 * What became of one item.
 *
 * @param detail for a change, what it changes ({@code 'old' -> 'new'}); otherwise the reason
 */
public record RowOutcome(int row, String dn, String attribute, Kind kind, String detail) {

    public enum Kind {
        /** Dry run: the change would be made. */
        PLANNED("change"),
        /** The change was made. */
        APPLIED("applied"),
        /** ACTION COMPLETE: nothing to change. */
        COMPLETE("complete"),
        /** Not changed: not approved, or the directory no longer holds what the row expected. */
        SKIPPED("skipped"),
        /** The directory refused the change, or could not be read. */
        FAILED("failed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** How the output names it. */
        public String word() {
            return word;
        }

        /** The result file's status: a COMPLETE row counts as applied (nothing was left to do). */
        public WriteResult.Status status() {
            return switch (this) {
                case PLANNED, APPLIED, COMPLETE -> WriteResult.Status.APPLIED;
                case SKIPPED -> WriteResult.Status.SKIPPED;
                case FAILED -> WriteResult.Status.FAILED;
            };
        }
    }

    public RowOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    static RowOutcome of(FixItem item, Kind kind, String detail) {
        return new RowOutcome(item.row(), item.dn(), item.attribute(), kind, detail);
    }
}
