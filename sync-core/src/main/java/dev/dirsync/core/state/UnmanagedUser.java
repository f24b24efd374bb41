package dev.dirsync.core.state;

import java.util.Objects;

/**
 * A cloud user that carries an anchor but that the state does not know and the latest full run did
 * not read: a person removed while the state was lost, or a user another tool anchored. Listed for
 * an operator to adopt, never removed on dirsync's own guess.
 *
 * @param object what the state records once the user is adopted (its DN is unknown: null)
 * @param userPrincipalName how the user is shown to the operator
 */
public record UnmanagedUser(SyncedObject object, String userPrincipalName) {
    public UnmanagedUser {
        Objects.requireNonNull(object, "object");
    }
}
