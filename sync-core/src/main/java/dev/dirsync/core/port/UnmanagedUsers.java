package dev.dirsync.core.port;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.UnmanagedUser;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Anchored cloud users the state does not know, kept for an operator to adopt. */
public interface UnmanagedUsers {

    /** Replaces the list with what the latest full run found. */
    void replaceUnmanaged(Collection<UnmanagedUser> users);

    List<UnmanagedUser> unmanagedUsers();

    /**
     * Makes the listed user with this anchor a managed object (removals then follow the deletion
     * threshold) and takes it off the list, in one transaction.
     *
     * @return the adopted user; empty when none with this anchor is listed
     */
    Optional<UnmanagedUser> adopt(Anchor anchor);
}
