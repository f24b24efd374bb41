package dev.dirsync.cloud.internal;

import dev.dirsync.core.port.ThrottleDeadlines;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the ends of a service's throttle pauses in the {@link ThrottleDeadlines} store, so that a
 * later run does not write before them either. Only a deadline later than the last one kept is
 * written. Thread-safe.
 */
public final class DeadlineKeeper implements Consumer<Instant> {
    private final ThrottleDeadlines store;
    private final String service;
    private Instant kept;

    public DeadlineKeeper(ThrottleDeadlines store, String service) {
        this.store = store;
        this.service = service;
    }

    /** The deadline stored by an earlier run (or another process), passed or not. */
    public synchronized Optional<Instant> stored() {
        Optional<Instant> stored = store.writesDeferredUntil(service);
        stored.ifPresent(until -> kept = kept == null || until.isAfter(kept) ? until : kept);
        return stored;
    }

    @Override
    public synchronized void accept(Instant until) {
        if (kept == null || until.isAfter(kept)) {
            store.deferWritesUntil(service, until);
            kept = until;
        }
    }
}
