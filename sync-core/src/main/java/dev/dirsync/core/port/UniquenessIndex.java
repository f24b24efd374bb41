package dev.dirsync.core.port;

import dev.dirsync.core.model.Anchor;
import java.util.Map;

/**
 * Which managed object holds each value the tenant requires to be unique (user principal name,
 * SMTP addresses), as 64-bit keys ({@code dev.dirsync.core.plan.UniqueKeys}). Spans runs, so that
 * a delta run checks a changed object against every known holder; the holder that was there first
 * keeps its values.
 */
public interface UniquenessIndex {

    /** The holder of each of these keys that some object holds; keys nobody holds are absent. */
    Map<Long, Anchor> holders(long[] keys);

    /**
     * Records the keys {@code anchor} holds now, in place of those it held; a key another object
     * holds stays with that object.
     */
    void replaceKeys(Anchor anchor, long[] keys);

    /** Forgets every key {@code anchor} holds. */
    void removeKeys(Anchor anchor);
}
