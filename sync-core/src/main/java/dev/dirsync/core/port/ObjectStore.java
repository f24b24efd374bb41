package dev.dirsync.core.port;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.SyncedObject;
import java.util.Optional;
import java.util.function.Consumer;

/** The objects dirsync manages: per anchor the cloud id and the digests of what was exported. */
public interface ObjectStore {

    Optional<SyncedObject> object(Anchor anchor);

    /** Streams every managed object; the handler must not call back into the store. */
    void forEachObject(Consumer<SyncedObject> handler);

    long objectCount();

    /** Inserts or replaces by anchor. */
    void saveObject(SyncedObject object);

    /** Forgets the object, and with it any removal of it that was held or approved. */
    void removeObject(Anchor anchor);
}
