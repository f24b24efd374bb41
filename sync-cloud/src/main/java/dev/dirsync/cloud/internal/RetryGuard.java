package dev.dirsync.cloud.internal;

import java.util.Optional;

/**
 * Consulted before a request is sent again. A non-empty answer settles the request without
 * re-sending it; a create uses this to look its object up first, since the failed attempt may
 * have been applied.
 */
@FunctionalInterface
public interface RetryGuard<T> {

    Optional<T> beforeResend(RetryCause cause);

    static <T> RetryGuard<T> none() {
        return cause -> Optional.empty();
    }
}
