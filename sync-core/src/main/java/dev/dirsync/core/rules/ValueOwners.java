package dev.dirsync.core.rules;

import dev.dirsync.core.model.Anchor;

/**
 * Who held a unique value before this run ({@link UniqueKeys}): a value its earlier holder keeps
 * is no duplicate on that holder, whatever the read order.
 */
@FunctionalInterface
public interface ValueOwners {
    /** Nobody is known to hold anything: the read order decides. */
    ValueOwners NONE = (anchor, key) -> false;

    boolean ownedBy(Anchor anchor, long key);
}
