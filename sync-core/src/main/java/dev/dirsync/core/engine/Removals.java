package dev.dirsync.core.engine;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.port.RemovalQueue;
import dev.dirsync.core.removal.RemovalAction;
import dev.dirsync.core.removal.RemovalSettings;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.SyncedObject;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which removals a run may export. Candidates are managed objects (known in the state)
 * that the directory no longer shows in scope, plus removals still pending from earlier runs. Above
 * the deletion threshold, unless an operator approved every one of them, nothing is removed and all
 * are held as pending.
 */
final class Removals {
    /** What to do with this run's candidates. */
    record Decision(List<PendingRemoval> export, List<PendingRemoval> held) {
        boolean exceeded() {
            return !held.isEmpty();
        }
    }

    private final RemovalSettings settings;
    private final ObjectStore objects;
    private final RemovalQueue queue;
    private final Map<Anchor, PendingRemoval> candidates = new LinkedHashMap<>();

    Removals(RemovalSettings settings, ObjectStore objects, RemovalQueue queue) {
        this.settings = settings;
        this.objects = objects;
        this.queue = queue;
    }

    void add(SyncedObject object, long runId, String reason) {
        candidates.putIfAbsent(
                object.anchor(), new PendingRemoval(object.anchor(), object.cloudId(), object.dn(), runId, reason));
    }

    /** Removals left pending by earlier runs stay candidates (delta runs do not see them again). */
    void addPending(Collection<PendingRemoval> pending) {
        for (PendingRemoval removal : pending) {
            if (objects.object(removal.anchor()).isPresent()) {
                candidates.putIfAbsent(removal.anchor(), removal);
            }
        }
    }

    int size() {
        return candidates.size();
    }

    Decision decide() {
        if (candidates.isEmpty()) {
            return new Decision(List.of(), List.of());
        }
        Set<Anchor> approved = new HashSet<>();
        queue.approvedRemovals().forEach(r -> approved.add(r.anchor()));
        boolean allApproved = approved.containsAll(candidates.keySet());
        if (settings.exceeded(candidates.size(), objects.objectCount()) && !allApproved) {
            return new Decision(List.of(), List.copyOf(candidates.values()));
        }
        return new Decision(List.copyOf(candidates.values()), List.of());
    }

    /** The change that carries out a removal: a delete, or an update that disables the user. */
    Change change(PendingRemoval removal) {
        if (settings.action() == RemovalAction.DELETE) {
            return new Change.Remove(removal.cloudId(), removal.anchor());
        }
        MailUser disabled = new MailUser(removal.anchor(), null, null, null, null, null, null, List.of(), false, null);
        return new Change.Update(removal.cloudId(), disabled, Set.of(MailUserField.ACCOUNT_ENABLED));
    }
}
