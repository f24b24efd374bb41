package dev.dirsync.core.port;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudUser;
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

    /** Looks one user up by anchor (used before re-trying a create that may have been applied). */
    Optional<CloudUser> findByAnchor(Anchor anchor);

    /**
     * Applies {@code changes} and reports exactly one result per change to {@code results}. One
     * object's failure is a result, never an exception; only losing the target altogether throws.
     */
    void apply(List<Change> changes, Consumer<ChangeResult> results);

    /** How many changes the engine should hand to {@link #apply} at once. */
    default int preferredBatchSize() {
        return 20;
    }

    /** A short description for logs: the URL and tenant, never credentials. */
    String describe();

    @Override
    void close();
}
