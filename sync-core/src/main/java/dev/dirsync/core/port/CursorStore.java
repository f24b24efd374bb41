package dev.dirsync.core.port;

import java.util.Optional;

/** Where each source's delta read starts next time. */
public interface CursorStore {

    /** The cursor stored for {@code sourceKey} (a source's identity, e.g. its URL and bases). */
    Optional<SyncCursor> cursor(String sourceKey);

    void saveCursor(String sourceKey, SyncCursor cursor);

    /** Forgets the cursor (the next run reads in full). */
    void clearCursor(String sourceKey);
}
