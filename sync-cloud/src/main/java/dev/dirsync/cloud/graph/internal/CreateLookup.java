package dev.dirsync.cloud.graph.internal;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.CloudUser;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a create that may have been applied (it timed out after being sent, or met a server
 * error) is sent again: if its anchor is already in the cloud, it was, and the change is done.
 */
public final class CreateLookup {
    private static final Logger log = LoggerFactory.getLogger(CreateLookup.class);

    private final Function<Anchor, Optional<CloudUser>> lookup;

    public CreateLookup(Function<Anchor, Optional<CloudUser>> lookup) {
        this.lookup = lookup;
    }

    /**
     * The create's result when it need not (or must not) be sent again: OK with the id found, or
     * retryable when the look-up itself failed. Empty: not there, send it again.
     *
     * @param cause what the previous attempt met, for messages
     */
    public Optional<ChangeResult> beforeResend(Change change, String cause) {
        try {
            Optional<CloudUser> found = lookup.apply(change.anchor());
            found.ifPresent(user -> log.info(
                    "create {} after {}: the user exists (id {}), not sending it again",
                    change.anchor(),
                    cause,
                    user.id()));
            return found.map(user -> ChangeResult.ok(change, user.id()));
        } catch (CredentialsRejectedException e) {
            throw e;
        } catch (DirsyncException e) {
            return Optional.of(ChangeResult.failed(
                    change,
                    Outcome.RETRYABLE,
                    "LOOKUP_FAILED",
                    "not re-sent after " + cause + ": the look-up by anchor failed: " + e.getMessage()));
        }
    }
}
