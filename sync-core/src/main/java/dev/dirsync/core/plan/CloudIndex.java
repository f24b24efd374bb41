package dev.dirsync.core.plan;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cloud copy reduced to what planning needs: per anchor, the cloud id and a 64-bit digest per
 * owned property. Holds no cloud objects, so a large tenant fits in a small heap.
 */
public final class CloudIndex {
    private static final MailUserField[] FIELDS = MailUserField.values();

    private final Map<String, Entry> byAnchor = new HashMap<>();

    /** The indexed state of one cloud user. */
    public record Entry(String cloudId, long[] digests) {
        /** The owned properties whose value in {@code desired} differs from the cloud's. */
        public Set<MailUserField> changedFields(MailUser desired) {
            Set<MailUserField> changed = EnumSet.noneOf(MailUserField.class);
            for (MailUserField field : FIELDS) {
                if (field.digest(desired) != digests[field.ordinal()]) {
                    changed.add(field);
                }
            }
            return changed;
        }
    }

    public void put(CloudUser user) {
        byAnchor.put(user.anchor().value(), new Entry(user.id(), digestsOf(user.user())));
    }

    /** Records what a successful create or update made the cloud hold. */
    public void put(String cloudId, MailUser user) {
        byAnchor.put(user.anchor().value(), new Entry(cloudId, digestsOf(user)));
    }

    public Optional<Entry> get(Anchor anchor) {
        return Optional.ofNullable(byAnchor.get(anchor.value()));
    }

    public int size() {
        return byAnchor.size();
    }

    private static long[] digestsOf(MailUser user) {
        long[] digests = new long[FIELDS.length];
        for (MailUserField field : FIELDS) {
            digests[field.ordinal()] = field.digest(user);
        }
        return digests;
    }
}
