package dev.dirsync.core.port;

import java.util.Objects;

/**
 * What a read was.
 *
 * @param cursor where the next delta read starts
 * @param full true when the read returned everything in scope (a full read, or a delta the source
 *     could not honour: another DC, a restored DC, a changed scope) - only then may objects it did
 *     not return be taken as removed
 */
public record ReadResult(SyncCursor cursor, boolean full) {
    public ReadResult {
        Objects.requireNonNull(cursor, "cursor");
    }
}
