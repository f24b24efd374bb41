package dev.dirsync.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * When a cloud service asked for no writes before a time (a Retry-After), kept between runs, so
 * that the next run, from the command line or the service, does not write before it either.
 * {@code service} names one throttled party, such as a target URL and tenant.
 */
public interface ThrottleDeadlines {

    /** The latest deadline stored for {@code service}, passed or not; empty when none was stored. */
    Optional<Instant> writesDeferredUntil(String service);

    /** Stores {@code until} for {@code service}; an earlier deadline never replaces a later one. */
    void deferWritesUntil(String service, Instant until);
}
