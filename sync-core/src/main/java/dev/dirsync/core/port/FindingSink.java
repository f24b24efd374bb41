package dev.dirsync.core.port;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.Finding;

/** Receives readiness findings as the run produces them (cleanup report writers). */
public interface FindingSink extends AutoCloseable {

    FindingSink NONE = (entry, finding) -> {};

    /** One finding on {@code entry}; called in read order. */
    void accept(SourceEntry entry, Finding finding);

    /** Completes the output (totals, closing markup). */
    @Override
    default void close() {}
}
