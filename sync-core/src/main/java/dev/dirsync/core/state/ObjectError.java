package dev.dirsync.core.state;

import dev.dirsync.core.model.Anchor;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest failure of one object. {@code attempts} counts consecutive failing runs; a success
 * clears the error.
 *
 * @param kind retryable | conflict | rejected | blocked
 */
public record ObjectError(
        Anchor anchor, String dn, long runId, String kind, String code, String message, int attempts, Instant at) {
    public ObjectError {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(kind, "kind");
    }
}
