package dev.dirsync.cloud.internal;

import dev.dirsync.core.port.ThrottleDeadlines;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Throttle deadlines kept for the life of the adapter only, when no state store is given. */
public final class MemoryDeadlines implements ThrottleDeadlines {
    private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> writesDeferredUntil(String service) {
        return Optional.ofNullable(deadlines.get(service));
    }

    @Override
    public void deferWritesUntil(String service, Instant until) {
        deadlines.merge(service, until, (stored, later) -> later.isAfter(stored) ? later : stored);
    }
}
