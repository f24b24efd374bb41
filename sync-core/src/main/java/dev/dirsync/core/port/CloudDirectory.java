package dev.dirsync.core.port;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The cloud directory that receives mail users. */
public interface CloudDirectory extends AutoCloseable {

    /**
     * Streams every cloud user that carries an anchor (users without one are not dirsync's and are
     * never passed on).
     *
     * @throws dev.dirsync.core.UnavailableException, dev.dirsync.core.CredentialsRejectedException
     */
    void listUsers(Consumer<CloudUser> handler);

    /**
     * Streams every cloud object that holds addresses the tenant requires to be unique: users with
     * or without an anchor, groups and contacts. A full run checks creates and address changes
     * against them.
     *
     * @throws dev.dirsync.core.UnavailableException, dev.dirsync.core.CredentialsRejectedException
     */
    void listAddresses(Consumer<CloudAddresses> handler);

    /** Looks one user up by anchor (used before re-trying a create that may have been applied). */
    Optional<CloudUser> findByAnchor(Anchor anchor);

    /**
     * Applies {@code changes} and reports exactly one result per change to {@code results}. One
     * object's failure is a result, never an exception; only losing the target altogether throws.
     */
    void apply(List<Change> changes, Consumer<ChangeResult> results);

    /**
     * Whether a create that finds an unanchored cloud user holding the same address adopts that
     * user (soft match) rather than failing: such a holder is then the person, not a conflict.
     */
    default boolean matchesUnanchoredUsers() {
        return false;
    }

    /**
     * The time before which the service asked for no writes, when this adapter left changes for a
     * later run because of it (their results are retryable); empty otherwise.
     */
    default Optional<Instant> writesDeferredUntil() {
        return Optional.empty();
    }

    /** How many changes the engine should hand to {@link #apply} at once. */
    default int preferredBatchSize() {
        return 20;
    }

    /** A short description for logs: the URL and tenant, never credentials. */
    String describe();

    @Override
    void close();
}
