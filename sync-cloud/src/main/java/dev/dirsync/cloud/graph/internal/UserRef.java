package dev.dirsync.cloud.graph.internal;

import java.util.Objects;

/**
 * A cloud user as a look-up by a unique value names it.
 *
 * @param id the object id
 * @param userPrincipalName its userPrincipalName, or null
 * @param anchor its onPremisesImmutableId, or null when no directory object claims it
 */
public record UserRef(String id, String userPrincipalName, String anchor) {

    public UserRef {
        Objects.requireNonNull(id, "id");
        anchor = anchor == null || anchor.isBlank() ? null : anchor;
    }

    /** "user 1f0e... (alice@contoso.example)". */
    public String describe() {
        return "user " + id + (userPrincipalName == null ? "" : " (" + userPrincipalName + ")");
    }
}
