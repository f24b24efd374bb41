package dev.dirsync.core.fix;

import java.util.List;
import java.util.Objects;

/** Whether a change can still be made to the values just re-read. */
public sealed interface Verdict {

    /**
     * The precondition holds and every operation applies.
     *
     * @param change the change to send
     * @param inverse the change that restores {@code before} from {@code after}
     * @param before the values re-read
     * @param after the values the change leaves
     */
    record Ready(AttributeChange change, AttributeChange inverse, List<String> before, List<String> after)
            implements Verdict {
        public Ready {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(inverse, "inverse");
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        /** {@code 'old' -> 'new'}, {@code (none) -> 'new'} or {@code 'old' -> (removed)}. */
        public String describe() {
            return FixText.describe(before, after);
        }
    }

    /** The directory no longer holds what the change expects, so it is not made. */
    record Stale(String reason) implements Verdict {
        public Stale {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
