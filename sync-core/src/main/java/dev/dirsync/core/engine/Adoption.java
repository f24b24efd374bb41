package dev.dirsync.core.engine;

import dev.dirsync.core.engine.internal.AnchorSet;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.plan.CloudIndex;
import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.port.UniquenessIndex;
import dev.dirsync.core.port.UnmanagedUsers;
import dev.dirsync.core.rules.UniqueKeys;
import dev.dirsync.core.state.SyncedObject;
import dev.dirsync.core.state.UnmanagedUser;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full run's bookkeeping of anchored cloud users against the state: one it reads that the state
 * does not know (the state was lost or rebuilt) is managed again at once, so removals work from
 * this run on; one it does not read is listed for an operator to adopt, never removed on a guess.
 */
final class Adoption {
    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);

    private final ObjectStore objects;
    private final UniquenessIndex uniqueness;
    private final UnmanagedUsers unmanaged;
    private final AnchorSet managed = new AnchorSet();
    private long adopted;

    Adoption(ObjectStore objects, UniquenessIndex uniqueness, UnmanagedUsers unmanaged) {
        this.objects = objects;
        this.uniqueness = uniqueness;
        this.unmanaged = unmanaged;
    }

    /** An anchor the state knows and the cloud holds. */
    void managed(Anchor anchor) {
        managed.add(anchor);
    }

    /** A person read unchanged: managed again when the state did not know its cloud user. */
    void read(SourceEntry entry, MailUser desired, CloudIndex cloud) {
        if (managed.contains(entry.anchor())) {
            return;
        }
        cloud.get(entry.anchor()).ifPresent(cloudCopy -> {
            objects.saveObject(new SyncedObject(entry.anchor(), cloudCopy.cloudId(), entry.dn(), cloudCopy.digests()));
            uniqueness.replaceKeys(entry.anchor(), UniqueKeys.of(desired));
            managed.add(entry.anchor());
            adopted++;
        });
    }

    /** After a complete read: lists the anchored cloud users neither managed nor read. */
    void settle(CloudIndex cloud, AnchorSet seen, CloudAddressIndex addresses) {
        List<UnmanagedUser> left = new ArrayList<>();
        cloud.forEach((anchor, entry) -> {
            if (!seen.contains(anchor) && !managed.contains(anchor)) {
                left.add(new UnmanagedUser(
                        new SyncedObject(anchor, entry.cloudId(), null, entry.digests()),
                        addresses.nameOf(entry.cloudId()).orElse(null)));
            }
        });
        unmanaged.replaceUnmanaged(left);
        if (adopted > 0) {
            LOG.info("{} cloud users the state did not know were read and are managed again", adopted);
        }
        if (!left.isEmpty()) {
            LOG.warn(
                    "{} cloud users carry an anchor but are neither known to the state nor in the directory read;"
                            + " they are left alone (see 'dirsync pending', 'dirsync state adopt')",
                    left.size());
        }
    }
}
