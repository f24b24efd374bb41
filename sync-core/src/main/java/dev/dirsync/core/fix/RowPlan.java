package dev.dirsync.core.fix;

import java.util.Objects;

/** What one report row (or undo record) asks for, decided before looking at the directory. */
public sealed interface RowPlan {

    /** A change to make, once its precondition is confirmed on the current values. */
    record Change(AttributeChange change) implements RowPlan {
        public Change {
            Objects.requireNonNull(change, "change");
        }
    }

    /** ACTION COMPLETE: the admin dealt with the row; nothing is written. */
    record Complete() implements RowPlan {}

    /** Nothing is written, for {@code reason} (not approved, or not a change dirsync makes). */
    record Rejected(String reason) implements RowPlan {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
