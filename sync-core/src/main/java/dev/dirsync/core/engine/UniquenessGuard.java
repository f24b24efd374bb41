package dev.dirsync.core.engine;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.port.UniquenessIndex;
import dev.dirsync.core.rules.UniqueKeys;
import dev.dirsync.core.rules.UniqueKeys.UniqueValue;
import dev.dirsync.core.state.SyncedObject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a create, or an update that changes an address, against every known holder of the values
 * it would introduce: the managed objects of earlier runs (the persisted uniqueness index, in every
 * run) and every cloud object (the cloud address index, in full runs). A value held by another
 * object blocks the change: the holder that was there first keeps it.
 */
final class UniquenessGuard {
    private static final Set<MailUserField> ADDRESSES =
            EnumSet.of(MailUserField.USER_PRINCIPAL_NAME, MailUserField.MAIL, MailUserField.OTHER_MAILS);

    /** Another object holds a value the change would introduce. */
    record Conflict(String property, String value, String holder) {
        String message() {
            return property + " '" + value + "' is already held by " + holder;
        }
    }

    private final UniquenessIndex persisted;
    private final ObjectStore objects;
    private final CloudAddressIndex cloud;
    private final boolean adoptsUnanchoredUsers;

    /**
     * @param cloud the cloud's addresses (full runs), or null (delta runs: the persisted index only)
     * @param adoptsUnanchoredUsers the target matches a create to an unanchored cloud user holding
     *     the same address (soft match): such a holder is the person, not a conflict
     */
    UniquenessGuard(
            UniquenessIndex persisted, ObjectStore objects, CloudAddressIndex cloud, boolean adoptsUnanchoredUsers) {
        this.persisted = persisted;
        this.objects = objects;
        this.cloud = cloud;
        this.adoptsUnanchoredUsers = adoptsUnanchoredUsers;
    }

    Optional<Conflict> check(Change change) {
        MailUser user;
        String selfCloudId;
        if (change instanceof Change.Create create) {
            user = create.user();
            selfCloudId = null;
        } else if (change instanceof Change.Update update && !disjoint(update.changed())) {
            user = update.user();
            selfCloudId = update.cloudId();
        } else {
            return Optional.empty();
        }
        Map<Long, Anchor> holders = persisted.holders(UniqueKeys.of(user));
        for (UniqueValue value : UniqueKeys.valuesOf(user)) {
            Anchor holder = holders.get(value.key());
            if (holder != null && !holder.equals(user.anchor())) {
                String name = objects.object(holder).map(SyncedObject::dn).orElse("the object with anchor " + holder);
                return Optional.of(new Conflict(value.property(), value.value(), name));
            }
            if (cloud != null) {
                Optional<CloudAddressIndex.Holder> inCloud = cloud.holder(value.key());
                if (inCloud.isPresent() && isOther(inCloud.get(), selfCloudId)) {
                    return Optional.of(new Conflict(
                            value.property(), value.value(), inCloud.get().describe()));
                }
            }
        }
        return Optional.empty();
    }

    private boolean isOther(CloudAddressIndex.Holder holder, String selfCloudId) {
        if (holder.cloudId().equals(selfCloudId)) {
            return false;
        }
        return !(adoptsUnanchoredUsers && selfCloudId == null && !holder.anchored() && "user".equals(holder.kind()));
    }

    private static boolean disjoint(Set<MailUserField> changed) {
        return changed.stream().noneMatch(ADDRESSES::contains);
    }
}
