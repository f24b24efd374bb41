package dev.dirsync.core.removal;

/** What a removal does in the cloud. */
public enum RemovalAction {
    /** Delete the user (Graph's soft delete: restorable for 30 days). */
    DELETE,
    /** Keep the user, set accountEnabled=false. */
    DISABLE
}
