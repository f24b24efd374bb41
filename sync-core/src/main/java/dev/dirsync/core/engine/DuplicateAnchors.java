package dev.dirsync.core.engine;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.RunLog;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.state.ObjectError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Anchors that two objects of one read carry (an objectGUID or mS-DS-ConsistencyGuid copied by a
 * restore or a migration tool). The second object is blocked as soon as it is read; the run's
 * error for the anchor makes the next runs block every object carrying it from the start, until a
 * run reads the anchor only once.
 */
final class DuplicateAnchors {
    private static final String UNKNOWN_OTHER = "another object that carried it in the previous run";

    /** Anchor to the DN a previous run recorded as carrying it a second time. */
    private final Map<Anchor, String> known = new HashMap<>();

    private final Map<Anchor, Integer> sightings = new HashMap<>();
    private final Map<Anchor, String> firstDn = new HashMap<>();

    DuplicateAnchors(List<ObjectError> openErrors) {
        for (ObjectError error : openErrors) {
            if (ErrorClass.DUPLICATE_ANCHOR.label().equals(error.code())) {
                known.put(error.anchor(), error.dn());
            }
        }
    }

    /**
     * Notes one object of the read.
     *
     * @param seenBefore whether an object read earlier in this run carried the same anchor
     * @param firstHolder the DN of that earlier object, as far as it is known
     * @return the other carrier of the anchor, when the object must be blocked
     */
    Optional<String> sighting(SourceEntry entry, boolean seenBefore, Supplier<String> firstHolder) {
        Anchor anchor = entry.anchor();
        if (known.containsKey(anchor)) {
            int count = sightings.merge(anchor, 1, Integer::sum);
            if (count > 1) {
                return Optional.of(firstDn.get(anchor));
            }
            firstDn.put(anchor, entry.dn());
            String recorded = known.get(anchor);
            return Optional.of(recorded == null || recorded.equalsIgnoreCase(entry.dn()) ? UNKNOWN_OTHER : recorded);
        }
        return seenBefore ? Optional.of(firstHolder.get()) : Optional.empty();
    }

    /** After a complete read: an anchor known as carried twice that this read returned at most once is settled. */
    void settle(RunLog log) {
        known.forEach((anchor, dn) -> {
            if (sightings.getOrDefault(anchor, 0) <= 1) {
                log.clearError(anchor);
            }
        });
    }
}
