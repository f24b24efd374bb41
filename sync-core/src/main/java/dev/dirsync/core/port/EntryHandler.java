package dev.dirsync.core.port;

import dev.dirsync.core.model.SourceEntry;

/** Receives entries one at a time as a source streams them. */
@FunctionalInterface
public interface EntryHandler {
    void accept(SourceEntry entry);
}
