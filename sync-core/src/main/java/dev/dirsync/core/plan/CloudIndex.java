package dev.dirsync.core.plan;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.state.SyncedObject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The cloud copy reduced to what planning needs: per anchor, the cloud id and a 64-bit digest per
 * owned property. Holds no cloud objects, so a large tenant fits in a small heap. Filled from the
 * cloud (full runs) or from the state store (delta runs).
 */
public final class CloudIndex {
    private static final MailUserField[] FIELDS = MailUserField.values();

    private final Map<String, Entry> byAnchor = new HashMap<>();

    /** The indexed state of one cloud user. */
    public record Entry(String cloudId, long[] digests) {
        @Override
        public long[] digests() {
            return digests.clone();
        }

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
        put(user.id(), user.anchor(), digestsOf(user.user()));
    }

    public void put(SyncedObject object) {
        put(object.cloudId(), object.anchor(), object.digests());
    }

    /** Records what the cloud holds for {@code anchor} after a successful write. */
    public void put(String cloudId, Anchor anchor, long[] digests) {
        byAnchor.put(anchor.value(), new Entry(cloudId, digests.clone()));
    }

    public Optional<Entry> get(Anchor anchor) {
        return Optional.ofNullable(byAnchor.get(anchor.value()));
    }

    public boolean contains(Anchor anchor) {
        return byAnchor.containsKey(anchor.value());
    }

    /** Every indexed user, in no particular order. */
    public void forEach(BiConsumer<Anchor, Entry> handler) {
        byAnchor.forEach((anchor, entry) -> handler.accept(new Anchor(anchor), entry));
    }

    public int size() {
        return byAnchor.size();
    }

    /** The digest of every owned property of {@code user}, in {@link MailUserField} order. */
    public static long[] digestsOf(MailUser user) {
        long[] digests = new long[FIELDS.length];
        for (MailUserField field : FIELDS) {
            digests[field.ordinal()] = field.digest(user);
        }
        return digests;
    }
}
