package dev.dirsync.core.plan;

import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the one write (if any) that makes the cloud hold {@code desired}: a create when the
 * anchor is unknown in the cloud, an update carrying only the changed properties, or nothing.
 */
public final class Planner {
    private final CloudIndex cloud;

    public Planner(CloudIndex cloud) {
        this.cloud = cloud;
    }

    public Optional<Change> plan(MailUser desired) {
        Optional<CloudIndex.Entry> current = cloud.get(desired.anchor());
        if (current.isEmpty()) {
            return Optional.of(new Change.Create(desired));
        }
        Set<MailUserField> changed = current.get().changedFields(desired);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change.Update(current.get().cloudId(), desired, changed));
    }
}
