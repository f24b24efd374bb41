package dev.dirsync.daemon.fix;

import java.util.EnumMap;
import java.util.Map;

/** Counts of a run's outcomes, and its summary line. */
public final class FixSummary {
    private final Map<RowOutcome.Kind, Integer> counts = new EnumMap<>(RowOutcome.Kind.class);
    private int rows;

    void add(RowOutcome outcome) {
        rows++;
        counts.merge(outcome.kind(), 1, Integer::sum);
    }

    public int rows() {
        return rows;
    }

    public int count(RowOutcome.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Every row was applied (or would be, in a dry run) or was COMPLETE. */
    public boolean allDone() {
        return count(RowOutcome.Kind.SKIPPED) == 0 && count(RowOutcome.Kind.FAILED) == 0;
    }

    /** {@code rows=5 applied=3 complete=1 skipped=1 failed=0}; a dry run says {@code planned=}. */
    public String line(boolean applied) {
        int changes = count(applied ? RowOutcome.Kind.APPLIED : RowOutcome.Kind.PLANNED);
        return "rows=" + rows + (applied ? " applied=" : " planned=") + changes + " complete="
                + count(RowOutcome.Kind.COMPLETE) + " skipped=" + count(RowOutcome.Kind.SKIPPED) + " failed="
                + count(RowOutcome.Kind.FAILED);
    }
}
